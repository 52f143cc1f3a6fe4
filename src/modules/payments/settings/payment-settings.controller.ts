import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentBusiness, Roles } from '../../../common/auth/auth.decorators';
import { Role } from '../../../common/auth/role';
import { ProblemDetails } from '../../../common/problem/problem-details';
import { Activity } from '../../activity/activity.decorator';
import { PaymentSettingsDto, UpdatePaymentSettingsDto } from '../dto/payment-settings.dto';
import { PaymentSettingsService } from './payment-settings.service';

@ApiTags('payments')
@ApiAuth()
@Controller('business/payment-settings')
export class PaymentSettingsController {
  constructor(private readonly settings: PaymentSettingsService) {}

  @Get()
  @Roles(Role.owner, Role.admin)
  @ApiOperation({ summary: 'The payment gateway, whether it is configured, the last 4 characters of its account, and the webhook URL' })
  @ApiOkResponse({ type: PaymentSettingsDto })
  get(@CurrentBusiness() businessId: string): Promise<PaymentSettingsDto> {
    return this.settings.get(businessId);
  }

  @Put()
  @Roles(Role.owner)
  @Activity('payment_settings.update', 'payment_settings')
  @ApiOperation({ summary: 'Choose the payment gateway and store its credentials (encrypted, never shown again)' })
  @ApiOkResponse({ type: PaymentSettingsDto })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'An unknown provider, or credentials that do not fit it (each field named)' })
  update(@CurrentBusiness() businessId: string, @Body() dto: UpdatePaymentSettingsDto): Promise<PaymentSettingsDto> {
    return this.settings.update(businessId, dto);
  }

  @Post('webhook-token')
  @HttpCode(200)
  @Roles(Role.owner)
  @Activity('payment_settings.webhook_token_rotate', 'payment_settings')
  @ApiOperation({ summary: 'A new secret webhook token (the old URL stops working at once; give the gateway the new one)' })
  @ApiOkResponse({ type: PaymentSettingsDto })
  rotateWebhookToken(@CurrentBusiness() businessId: string): Promise<PaymentSettingsDto> {
    return this.settings.rotateWebhookToken(businessId);
  }
}
