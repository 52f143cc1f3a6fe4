import type { Actor } from '../../common/auth/actor';
import type { DomainEventActor } from '../../common/domain-events/domain-event.map';

export const byOf = (a: Actor): DomainEventActor => ({ kind: a.kind, id: a.id, name: a.name });
