import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentBusiness, Roles } from '../../../common/auth/auth.decorators';
import { Role } from '../../../common/auth/role';
import { Activity } from '../../activity/activity.decorator';
import { NotificationSettingsDto } from './dto/notification-settings.dto';
import { NotificationSettingsService } from './notification-settings.service';

@ApiTags('notifications')
@ApiAuth()
@Controller('notifications/settings')
export class NotificationSettingsController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Get()
  @ApiOperation({ summary: "The business's messaging settings (sender, which events notify on which channel, quiet hours)" })
  @ApiOkResponse({ type: NotificationSettingsDto })
  get(@CurrentBusiness() businessId: string): Promise<NotificationSettingsDto> {
    return this.settings.rules(businessId);
  }

  @Put()
  @Roles(Role.owner, Role.admin)
  @Activity('notification_settings.update', 'notification_settings')
  @ApiOperation({ summary: 'Replace the messaging settings (omitted optional fields go back to their defaults)' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  replace(@CurrentBusiness() businessId: string, @Body() dto: NotificationSettingsDto): Promise<NotificationSettingsDto> {
    return this.settings.replace(businessId, {
      senderName: dto.senderName ?? null,
      replyTo: dto.replyTo ?? null,
      smsSender: dto.smsSender ?? null,
      events: { ...dto.events },
      quietFrom: dto.quietFrom,
      quietTo: dto.quietTo,
      shabbatFrom: dto.shabbatFrom ?? null,
      shabbatTo: dto.shabbatTo ?? null,
    });
  }
}
