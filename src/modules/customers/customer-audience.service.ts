import { Injectable } from '@nestjs/common';
import { BusinessDirectory } from '../business/business-directory.service';
import type { AudienceRule } from './audience/audience-rule';
import type { AudienceClock } from './audience/audience-sql';
import { toCustomerDto } from './customer.mapper';
import { CustomerAudienceRepository } from './customer-audience.repository';
import type { CustomerDto } from './dto/customer-response.dto';

/**
 * Who an audience rule (already checked by `checkAudienceRule`) selects
 * among a business's live customers, as of `now` and in the business time
 * zone: segments count and list them, campaigns page through their ids,
 * automations test one customer.
 */
@Injectable()
export class CustomerAudienceService {
  constructor(
    private readonly audience: CustomerAudienceRepository,
    private readonly directory: BusinessDirectory,
  ) {}

  private async clock(businessId: string, now: Date): Promise<AudienceClock> {
    const business = await this.directory.require(businessId);
    return { now, timeZone: business.timezone };
  }

  async count(businessId: string, rule: AudienceRule, now = new Date()): Promise<number> {
    return this.audience.count(businessId, rule, await this.clock(businessId, now));
  }

  async page(businessId: string, rule: AudienceRule, page: { offset: number; limit: number }, now = new Date()): Promise<CustomerDto[]> {
    const rows = await this.audience.page(businessId, rule, await this.clock(businessId, now), page);
    return rows.map(toCustomerDto);
  }

  /** Up to `limit` members' ids after `afterId` in id order; an empty list when there are no more. */
  async idsAfter(businessId: string, rule: AudienceRule, afterId: string | null, limit: number, now = new Date()): Promise<string[]> {
    return this.audience.idsAfter(businessId, rule, await this.clock(businessId, now), afterId, limit);
  }

  async matches(businessId: string, rule: AudienceRule, customerId: string, now = new Date()): Promise<boolean> {
    return this.audience.matches(businessId, rule, await this.clock(businessId, now), customerId);
  }
}
