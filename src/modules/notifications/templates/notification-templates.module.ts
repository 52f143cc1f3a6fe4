import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BusinessModule } from '../../business/business.module';
import { TEMPLATE_RENDERER } from '../notification.types';
import { NotificationTemplate } from './entities/notification-template.entity';
import { NotificationTemplatesController } from './notification-templates.controller';
import { NotificationTemplatesRepository } from './notification-templates.repository';
import { TemplatesService } from './templates.service';

/** Notification templates: built-ins in Hebrew and English, per-business overrides, the API, and TEMPLATE_RENDERER for senders. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationTemplate]), BusinessModule],
  controllers: [NotificationTemplatesController],
  providers: [NotificationTemplatesRepository, TemplatesService, { provide: TEMPLATE_RENDERER, useExisting: TemplatesService }],
  exports: [TemplatesService, TEMPLATE_RENDERER],
})
export class NotificationTemplatesModule {}
