import { HttpStatus, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DomainEventActor } from '../../common/domain-events/domain-event.map';
import { AppException, NotFoundAppException } from '../../common/problem/app.exception';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { JobName } from '../../infra/queue/job-names';
import { parseEmail, parsePhone } from '../customers/customer-contact';
import { CustomersService } from '../customers/customers.service';
import {
  CustomerContactRequiredException,
  InvalidCustomerEmailException,
  InvalidCustomerPhoneException,
} from '../customers/customers.exception';
import { IDEMPOTENCY_KEY } from '../idempotency/idempotency.service';
import { triggerTakes } from './automation-definition';
import { TriggerType } from './automation.types';
import { AutomationRulesRepository } from './automation-rules.repository';
import { eventJobId } from './automation-events.listener';
import type { AutomationEventAcceptedDto, FireAutomationEventDto } from './dto/automation-event.dto';

/** The most JSON `data` may take (it is kept with each run it starts). */
export const MAX_EVENT_DATA_BYTES = 8_192;

/**
 * The trigger API (as ECOD's `POST /api/crm/automations/events`): an outside
 * system names an event and a customer by phone or email; the customer is
 * found (or created when asked) and the event is queued for the rules with an
 * external trigger of that name. With an `Idempotency-Key` the event's key is
 * the key: sending it again fires no rule twice.
 */
@Injectable()
export class AutomationExternalEventsService {
  constructor(
    private readonly customers: CustomersService,
    private readonly rules: AutomationRulesRepository,
    private readonly jobs: JobQueueService,
  ) {}

  async fire(
    businessId: string,
    dto: FireAutomationEventDto,
    idempotencyKey: string | undefined,
    by: DomainEventActor,
  ): Promise<AutomationEventAcceptedDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey))
      throw new AppException(HttpStatus.BAD_REQUEST, 'idempotency.invalid_key', 'Idempotency-Key must be 1-255 visible ASCII characters', [
        { field: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' },
      ]);
    if (dto.data !== undefined && Buffer.byteLength(JSON.stringify(dto.data)) > MAX_EVENT_DATA_BYTES)
      throw new AppException(HttpStatus.BAD_REQUEST, 'validation_failed', `data takes at most ${MAX_EVENT_DATA_BYTES} bytes of JSON`, [
        { field: 'data', message: `must be at most ${MAX_EVENT_DATA_BYTES} bytes as JSON` },
      ]);
    if (parsePhone(dto.phone) === undefined) throw new InvalidCustomerPhoneException();
    if (parseEmail(dto.email) === undefined) throw new InvalidCustomerEmailException();
    if (!dto.phone && !dto.email) throw new CustomerContactRequiredException();

    let customer: { id: string; created: boolean };
    if (dto.createCustomer) {
      customer = await this.customers.matchOrCreate(
        businessId,
        { firstName: dto.firstName ?? '', lastName: dto.lastName, phone: dto.phone, email: dto.email, source: 'automation_event' },
        { by },
      );
    } else {
      const found = await this.customers.findByContact(businessId, { phone: dto.phone, email: dto.email });
      if (!found) throw new NotFoundAppException('customer');
      customer = { id: found.id, created: false };
    }
    const eventKey = `external:${dto.trigger}:${idempotencyKey ?? randomUUID()}`;
    const event = { trigger: TriggerType.external, name: dto.trigger, customerId: customer.id, eventKey, data: dto.data };
    const listening = (await this.rules.enabledFor(businessId, TriggerType.external)).filter((r) => triggerTakes(r.trigger, event));
    if (listening.length)
      await this.jobs.enqueue(
        JobName.AutomationEvent,
        { businessId, event },
        { jobId: eventJobId(businessId, `${eventKey}|${customer.id}`) },
      );
    return { customerId: customer.id, customerCreated: customer.created, eventKey, rules: listening.length };
  }
}
