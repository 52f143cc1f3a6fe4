import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { DomainEventMap } from '../../common/domain-events/domain-event.map';
import { WebhookFanoutService } from './webhook-fanout.service';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-events';

/**
 * Listens to every event in WEBHOOK_EVENT_TYPES (subscribed from the list, with
 * the options `@OnDomainEvent` uses, so adding an event type is one line there)
 * and fans each out to the subscribed endpoints: rows and queued jobs, no HTTP here.
 */
@Injectable()
export class WebhookEventsListener implements OnModuleInit {
  constructor(
    private readonly emitter: EventEmitter2,
    private readonly fanout: WebhookFanoutService,
  ) {}

  onModuleInit(): void {
    for (const type of WEBHOOK_EVENT_TYPES) {
      this.emitter.on(type, (payload: DomainEventMap[WebhookEventType]) => this.fanout.publish(type, payload), {
        async: true,
        promisify: true,
      });
    }
  }
}
