import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { Segment } from './entities/segment.entity';

@Injectable()
export class SegmentsRepository extends TenantRepository<Segment> {
  constructor(@InjectRepository(Segment) repo: Repository<Segment>) {
    super(repo);
  }
}
