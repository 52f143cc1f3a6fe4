import type { Actor } from '../auth/actor';
import type { DomainEventActor } from './domain-event.map';

/** Who caused a domain event, from the request's actor (a user or an API key). */
export const eventActor = (actor: Actor): DomainEventActor => ({ kind: actor.kind, id: actor.id, name: actor.name });
