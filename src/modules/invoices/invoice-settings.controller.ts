import { Body, Controller, Delete, Get, HttpCode, Patch, Put, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuth, CurrentBusiness, Roles } from '../../common/auth/auth.decorators';
import { Role } from '../../common/auth/role';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { AllocationTokenDto, InvoiceSettingsDto, UpdateInvoiceSettingsDto } from './dto/invoice-settings.dto';
import { InvoiceSettingsService, MAX_LOGO_BYTES, type UploadedLogo } from './invoice-settings.service';

/** Registered before the documents' controller: `/invoices/settings` is not a document id. */
@ApiTags('invoices')
@ApiAuth()
@Controller('invoices/settings')
export class InvoiceSettingsController {
  constructor(private readonly settings: InvoiceSettingsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Document settings: issuer details (and what documents print after the fallbacks), VAT rate, texts, series and their next numbers',
  })
  @ApiOkResponse({ type: InvoiceSettingsDto })
  get(@CurrentBusiness() businessId: string): Promise<InvoiceSettingsDto> {
    return this.settings.get(businessId);
  }

  @Patch()
  @Roles(Role.owner, Role.admin)
  @Activity('invoice_settings.update', 'invoice_settings')
  @ApiOperation({
    summary:
      'Change document settings; null clears a field (the business profile’s value is printed). A starting number only while its series is unused',
  })
  @ApiOkResponse({ type: InvoiceSettingsDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'A starting number for a series that already has documents (nothing changed)' })
  update(@CurrentBusiness() businessId: string, @Body() dto: UpdateInvoiceSettingsDto): Promise<InvoiceSettingsDto> {
    return this.settings.update(businessId, dto);
  }

  @Put('logo')
  @Roles(Role.owner, Role.admin)
  @Activity('invoice_settings.logo', 'invoice_settings')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_LOGO_BYTES, files: 1, fields: 0 } } as never))
  @ApiOperation({ summary: 'Upload the logo printed on new documents (PNG or JPEG, at most 512 KB)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'PNG or JPEG' } } },
  })
  @ApiOkResponse({ type: InvoiceSettingsDto })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'No file, or not a PNG or JPEG' })
  @ApiPayloadTooLargeResponse({ type: ProblemDetails, description: 'Larger than 512 KB' })
  setLogo(@CurrentBusiness() businessId: string, @UploadedFile() file: UploadedLogo | undefined): Promise<InvoiceSettingsDto> {
    return this.settings.setLogo(businessId, file);
  }

  @Delete('logo')
  @HttpCode(204)
  @Roles(Role.owner, Role.admin)
  @Activity('invoice_settings.logo_remove', 'invoice_settings')
  @ApiOperation({ summary: 'New documents print no logo (issued ones keep theirs)' })
  @ApiNoContentResponse()
  async removeLogo(@CurrentBusiness() businessId: string): Promise<void> {
    await this.settings.removeLogo(businessId);
  }

  @Put('allocation')
  @HttpCode(204)
  @Roles(Role.owner, Role.admin)
  @Activity('invoice_settings.allocation_connect', 'invoice_settings')
  @ApiOperation({ summary: "Store the business's Tax Authority OAuth2 tokens (ALLOCATION_DRIVER=ita); kept encrypted, never shown" })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ProblemDetails })
  async connect(@CurrentBusiness() businessId: string, @Body() dto: AllocationTokenDto): Promise<void> {
    await this.settings.connectAllocation(businessId, dto);
  }

  @Delete('allocation')
  @HttpCode(204)
  @Roles(Role.owner, Role.admin)
  @Activity('invoice_settings.allocation_disconnect', 'invoice_settings')
  @ApiOperation({ summary: "Forget the business's Tax Authority tokens" })
  @ApiNoContentResponse()
  async disconnect(@CurrentBusiness() businessId: string): Promise<void> {
    await this.settings.disconnectAllocation(businessId);
  }
}
