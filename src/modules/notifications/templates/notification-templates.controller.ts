import { applyDecorators, Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuth, CurrentBusiness, Roles } from '../../../common/auth/auth.decorators';
import { Role } from '../../../common/auth/role';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { ApiPaginatedResponse, paginated, type Paginated } from '../../../common/pagination/paginated';
import { ProblemDetails } from '../../../common/problem/problem-details';
import { Activity } from '../../activity/activity.decorator';
import { Channel, MessageLocale, TemplateKey } from '../notification.types';
import { TemplateKeyDto } from './dto/template-catalogue.dto';
import { PreviewTemplateDto, TemplatePreviewDto } from './dto/template-preview.dto';
import { SaveTemplateDto, TemplateDto } from './dto/template.dto';
import { EnumParamPipe } from './enum-param.pipe';
import type { TemplateSlot } from './notification-templates.repository';
import { TemplatesService } from './templates.service';

const SLOT = ':key/:channel/:locale';

/** The three path parameters that name a template, documented with their values. */
const ApiSlot = () =>
  applyDecorators(
    ApiParam({ name: 'key', enum: TemplateKey }),
    ApiParam({ name: 'channel', enum: Channel }),
    ApiParam({ name: 'locale', enum: MessageLocale }),
    ApiNotFoundResponse({ type: ProblemDetails, description: 'The key is not sent on that channel' }),
  );

const slotOf = (key: string, channel: string, locale: string): TemplateSlot => ({
  key: key as TemplateKey,
  channel: channel as Channel,
  locale: locale as MessageLocale,
});

@ApiTags('notification-templates')
@ApiAuth()
@Controller('notifications/templates')
export class NotificationTemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @ApiOperation({
    summary: 'The notification templates: keys, channels, locales, variables, and which the business overrides',
    description:
      'Templates are Liquid: `{{ customer.firstName }}`, `{% if price > 0 %}…{% endif %}`. Filters for the business time zone and the message language: `| date` (styles full, long, short, compact), `| time`, `| datetime`, `| money` (agorot). No includes or file access.',
  })
  @ApiPaginatedResponse(TemplateKeyDto)
  async catalogue(@CurrentBusiness() businessId: string, @Query() query: PageQueryDto): Promise<Paginated<TemplateKeyDto>> {
    const all = await this.templates.catalogue(businessId);
    return paginated(all.slice(query.offset, query.offset + query.limit), query, all.length);
  }

  @Post('preview')
  @HttpCode(200)
  @Activity('notification_template.preview', 'notification_template')
  @ApiOperation({
    summary: 'Render a template with sample data (or a draft, and values of your own)',
    description: 'SMS previews carry the encoding and the number of billable parts (Hebrew: UCS-2, 70 characters, then 67 per part).',
  })
  @ApiOkResponse({ type: TemplatePreviewDto })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'Invalid body, or a draft with an error (e.g. an unknown variable, named)' })
  preview(@CurrentBusiness() businessId: string, @Body() dto: PreviewTemplateDto): Promise<TemplatePreviewDto> {
    return this.templates.preview(businessId, dto);
  }

  @Get(SLOT)
  @ApiSlot()
  @ApiOperation({ summary: 'One template: the business’s version, or the built-in' })
  @ApiOkResponse({ type: TemplateDto })
  get(
    @CurrentBusiness() businessId: string,
    @Param('key', new EnumParamPipe('key', TemplateKey)) key: string,
    @Param('channel', new EnumParamPipe('channel', Channel)) channel: string,
    @Param('locale', new EnumParamPipe('locale', MessageLocale)) locale: string,
  ): Promise<TemplateDto> {
    return this.templates.get(businessId, slotOf(key, channel, locale));
  }

  @Put(SLOT)
  @Roles(Role.owner, Role.admin)
  @Activity('notification_template.update', 'notification_template')
  @ApiSlot()
  @ApiOperation({
    summary: 'Replace a template with the business’s own version',
    description:
      'Checked before it is saved: Liquid syntax, no include/render/layout, and only the key’s variables (an unknown one is named in the 400).',
  })
  @ApiOkResponse({ type: TemplateDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  save(
    @CurrentBusiness() businessId: string,
    @Param('key', new EnumParamPipe('key', TemplateKey)) key: string,
    @Param('channel', new EnumParamPipe('channel', Channel)) channel: string,
    @Param('locale', new EnumParamPipe('locale', MessageLocale)) locale: string,
    @Body() dto: SaveTemplateDto,
  ): Promise<TemplateDto> {
    return this.templates.save(businessId, slotOf(key, channel, locale), dto);
  }

  @Delete(SLOT)
  @HttpCode(204)
  @Roles(Role.owner, Role.admin)
  @Activity('notification_template.reset', 'notification_template')
  @ApiSlot()
  @ApiOperation({ summary: 'Restore the built-in template (removes the business’s version)' })
  @ApiNoContentResponse()
  async reset(
    @CurrentBusiness() businessId: string,
    @Param('key', new EnumParamPipe('key', TemplateKey)) key: string,
    @Param('channel', new EnumParamPipe('channel', Channel)) channel: string,
    @Param('locale', new EnumParamPipe('locale', MessageLocale)) locale: string,
  ): Promise<void> {
    await this.templates.reset(businessId, slotOf(key, channel, locale));
  }
}
