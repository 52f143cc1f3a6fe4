import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import type { DomainEventMap, DomainEventName } from './domain-event.map';

/**
 * Type-checked publishing of domain events (in-process; durable work goes
 * through the job queue). Listeners of `emit` run after the caller moves on:
 * their failures are logged, never left unhandled, and shutdown waits for the
 * ones still running before the database pool closes.
 */
@Injectable()
export class DomainEvents implements BeforeApplicationShutdown {
  private readonly logger = new Logger('DomainEvents');
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly emitter: EventEmitter2) {}

  emit<E extends DomainEventName>(name: E, payload: DomainEventMap[E]): void {
    const work = this.emitter
      .emitAsync(name, payload)
      .catch((err: Error) => this.logger.error(`A listener of ${name} failed: ${err.message}`, err.stack));
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  /** Resolves once every async listener has finished (for callers that must wait); a listener's failure rejects. */
  async emitAndWait<E extends DomainEventName>(name: E, payload: DomainEventMap[E]): Promise<void> {
    await this.emitter.emitAsync(name, payload);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}

/** Subscribes a method to a domain event, with the payload type checked. */
export const OnDomainEvent = <E extends DomainEventName>(name: E) => OnEvent(name, { async: true, promisify: true, suppressErrors: false });
