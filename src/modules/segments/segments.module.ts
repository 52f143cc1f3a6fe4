import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BusinessModule } from '../business/business.module';
import { CustomersModule } from '../customers/customers.module';
import { Segment } from './entities/segment.entity';
import { SegmentsController } from './segments.controller';
import { SegmentsRepository } from './segments.repository';
import { SegmentsService } from './segments.service';
import { SegmentTextService } from './text/segment-text.service';

/** Audience segments: saved rule trees over customers, their members, and rules from plain Hebrew or English. */
@Module({
  imports: [TypeOrmModule.forFeature([Segment]), CustomersModule, BusinessModule],
  controllers: [SegmentsController],
  providers: [SegmentsRepository, SegmentsService, SegmentTextService],
  exports: [SegmentsService],
})
export class SegmentsModule {}
