import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApiAuth, CurrentBusiness, Roles } from '../../../common/auth/auth.decorators';
import { Role } from '../../../common/auth/role';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { ApiPaginatedResponse, paginated, type Paginated } from '../../../common/pagination/paginated';
import { ProblemDetails } from '../../../common/problem/problem-details';
import { Activity } from '../../activity/activity.decorator';
import { TemplateKey } from '../notification.types';
import { EnumParamPipe } from '../templates/enum-param.pipe';
import {
  PutWhatsAppTemplateMappingDto,
  WhatsAppTemplateDto,
  WhatsAppTemplateMappingDto,
  WhatsAppTemplateSyncDto,
} from './dto/whatsapp-template.dto';
import { WhatsAppTemplatesService } from './whatsapp-templates.service';

const KEY = ApiParam({ name: 'key', enum: TemplateKey, description: 'Our template key' });

@ApiTags('notifications')
@ApiAuth()
@Controller('notifications/whatsapp/templates')
export class WhatsAppTemplatesController {
  constructor(private readonly templates: WhatsAppTemplatesService) {}

  @Post('sync')
  @HttpCode(200)
  @Roles(Role.owner, Role.admin)
  @Activity('whatsapp_templates.sync', 'whatsapp_templates')
  @ApiOperation({
    summary: "Pull the business account's approved WhatsApp templates from Meta (every page); the others are left out",
  })
  @ApiOkResponse({ type: WhatsAppTemplateSyncDto })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description:
      'WhatsApp is not configured (message.channel_not_configured), or Meta refused or could not be reached (whatsapp.sync_failed)',
  })
  sync(@CurrentBusiness() businessId: string): Promise<WhatsAppTemplateSyncDto> {
    return this.templates.sync(businessId);
  }

  @Get()
  @ApiOperation({ summary: 'The approved WhatsApp templates of the last sync' })
  @ApiPaginatedResponse(WhatsAppTemplateDto)
  async list(@CurrentBusiness() businessId: string, @Query() query: PageQueryDto): Promise<Paginated<WhatsAppTemplateDto>> {
    const all = await this.templates.list(businessId);
    return paginated(all.slice(query.offset, query.offset + query.limit), query, all.length);
  }

  @Get('mappings')
  @ApiOperation({ summary: 'Which WhatsApp template each of our template keys is sent as' })
  @ApiPaginatedResponse(WhatsAppTemplateMappingDto)
  async mappings(@CurrentBusiness() businessId: string, @Query() query: PageQueryDto): Promise<Paginated<WhatsAppTemplateMappingDto>> {
    const all = await this.templates.listMappings(businessId);
    return paginated(all.slice(query.offset, query.offset + query.limit), query, all.length);
  }

  @Put('mappings/:key')
  @Roles(Role.owner, Role.admin)
  @Activity('whatsapp_templates.map', 'whatsapp_templates')
  @ApiOperation({
    summary: "Send a template key on WhatsApp as an approved template, its body parameters filled from the key's variables in order",
    description:
      "Each parameter is a text template (`{{ customer.firstName }}`) rendered with the same variables as the key's own message. A key with a mapping may be sent at any time; without one its text is free text, which WhatsApp takes only within 24 hours of the person's last message.",
  })
  @KEY
  @ApiOkResponse({ type: WhatsAppTemplateMappingDto })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'An unknown key, or a field that does not fit (each named)' })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description:
      'No such approved template was synced (whatsapp.template_unknown), or the parameter count differs (whatsapp.template_parameters)',
  })
  putMapping(
    @CurrentBusiness() businessId: string,
    @Param('key', new EnumParamPipe('key', TemplateKey)) key: string,
    @Body() dto: PutWhatsAppTemplateMappingDto,
  ): Promise<WhatsAppTemplateMappingDto> {
    return this.templates.putMapping(businessId, key as TemplateKey, dto);
  }

  @Delete('mappings/:key')
  @HttpCode(204)
  @Roles(Role.owner, Role.admin)
  @Activity('whatsapp_templates.unmap', 'whatsapp_templates')
  @ApiOperation({ summary: 'Remove a mapping: the key is sent on WhatsApp as free text again (inside the 24-hour window only)' })
  @KEY
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'An unknown key' })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'The key has no mapping' })
  removeMapping(@CurrentBusiness() businessId: string, @Param('key', new EnumParamPipe('key', TemplateKey)) key: string): Promise<void> {
    return this.templates.removeMapping(businessId, key as TemplateKey);
  }
}
