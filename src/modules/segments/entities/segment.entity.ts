import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import type { AudienceRule } from '../../customers/audience/audience-rule';

/** A saved audience: a named rule tree over the business's customers. Members are computed when asked. */
@Entity('segments')
@Index('uq_segments_business_name', ['businessId', 'name'], { unique: true })
export class Segment extends TenantEntity {
  @Column('varchar', { length: 120 })
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('jsonb')
  rule: AudienceRule;
}
