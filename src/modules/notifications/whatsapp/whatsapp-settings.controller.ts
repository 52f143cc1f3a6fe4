import { Body, Controller, Get, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApiAuth, CurrentBusiness, Roles } from '../../../common/auth/auth.decorators';
import { Role } from '../../../common/auth/role';
import { ProblemDetails } from '../../../common/problem/problem-details';
import { Activity } from '../../activity/activity.decorator';
import { UpdateWhatsAppSettingsDto, WhatsAppSettingsDto } from './dto/whatsapp-settings.dto';
import { WhatsAppSettingsService } from './whatsapp-settings.service';

@ApiTags('notifications')
@ApiAuth()
@Controller('business/whatsapp-settings')
export class WhatsAppSettingsController {
  constructor(private readonly settings: WhatsAppSettingsService) {}

  @Get()
  @Roles(Role.owner)
  @ApiOperation({
    summary: "The business's WhatsApp number: whether it is connected, its ids, the token's last 4 characters, the webhook URL",
  })
  @ApiOkResponse({ type: WhatsAppSettingsDto })
  get(@CurrentBusiness() businessId: string): Promise<WhatsAppSettingsDto> {
    return this.settings.get(businessId);
  }

  @Put()
  @Roles(Role.owner)
  @Activity('whatsapp_settings.update', 'whatsapp_settings')
  @ApiOperation({
    summary: 'Connect a WhatsApp Business Cloud API number (checked with Meta; the token is stored encrypted and never shown again)',
  })
  @ApiOkResponse({ type: WhatsAppSettingsDto })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'A field that is not an id or a token (each named)' })
  @ApiConflictResponse({ type: ProblemDetails, description: "The number is another business's" })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: "Meta refused the token or the number id (Meta's reason)" })
  update(@CurrentBusiness() businessId: string, @Body() dto: UpdateWhatsAppSettingsDto): Promise<WhatsAppSettingsDto> {
    return this.settings.update(businessId, dto);
  }
}
