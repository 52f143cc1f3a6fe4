import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import type { DomainEventMap, DomainEventName } from './domain-event.map';

/** Type-checked publishing of domain events (in-process; durable work goes through the job queue). */
@Injectable()
export class DomainEvents {
  constructor(private readonly emitter: EventEmitter2) {}

  emit<E extends DomainEventName>(name: E, payload: DomainEventMap[E]): void {
    this.emitter.emit(name, payload);
  }

  /** Resolves once every async listener has finished (for callers that must wait). */
  async emitAndWait<E extends DomainEventName>(name: E, payload: DomainEventMap[E]): Promise<void> {
    await this.emitter.emitAsync(name, payload);
  }
}

/** Subscribes a method to a domain event, with the payload type checked. */
export const OnDomainEvent = <E extends DomainEventName>(name: E) => OnEvent(name, { async: true, promisify: true, suppressErrors: false });
