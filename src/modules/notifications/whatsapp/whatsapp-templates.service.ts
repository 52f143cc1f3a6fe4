import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AppException, NotFoundAppException } from '../../../common/problem/app.exception';
import { WhatsAppApiError, WHATSAPP_CLIENT, type WhatsAppClient } from '../../../infra/whatsapp/whatsapp.port';
import type { TemplateKey } from '../notification.types';
import { parseTemplate, TemplateSyntaxError } from '../templates/template-engine';
import type {
  PutWhatsAppTemplateMappingDto,
  WhatsAppTemplateDto,
  WhatsAppTemplateMappingDto,
  WhatsAppTemplateSyncDto,
} from './dto/whatsapp-template.dto';
import type { WhatsAppTemplateMapping } from './entities/whatsapp-template-mapping.entity';
import type { WhatsAppTemplate } from './entities/whatsapp-template.entity';
import { WhatsAppSettingsService } from './whatsapp-settings.service';
import { WhatsAppTemplateMappingsRepository } from './whatsapp-template-mappings.repository';
import { WhatsAppTemplatesRepository } from './whatsapp-templates.repository';

/** The highest {{n}} placeholder of a template body: how many parameters it takes. */
export function parameterCountOf(body: string): number {
  let max = 0;
  for (const m of body.matchAll(/\{\{\s*(\d{1,2})\s*\}\}/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** What a templated WhatsApp message is sent as. */
export interface MappedTemplate {
  name: string;
  language: string;
  parameters: string[];
}

const toTemplateDto = (t: WhatsAppTemplate): WhatsAppTemplateDto => ({
  name: t.name,
  language: t.language,
  category: t.category,
  body: t.body,
  parameterCount: t.parameterCount,
  syncedAt: t.syncedAt,
});

const toMappingDto = (m: WhatsAppTemplateMapping): WhatsAppTemplateMappingDto => ({
  key: m.templateKey as TemplateKey,
  name: m.name,
  language: m.language,
  parameters: m.parameters,
  updatedAt: m.updatedAt,
});

/**
 * The business's approved WhatsApp templates (pulled from its business
 * account on request) and which of them each of our template keys is sent as:
 * outside the 24-hour window only such a template may go.
 */
@Injectable()
export class WhatsAppTemplatesService {
  constructor(
    private readonly settings: WhatsAppSettingsService,
    private readonly templates: WhatsAppTemplatesRepository,
    private readonly mappings: WhatsAppTemplateMappingsRepository,
    @Inject(WHATSAPP_CLIENT) private readonly client: WhatsAppClient,
  ) {}

  /** Reads every template of the business account (all pages) and keeps the approved ones; 422 when Meta refuses or cannot be reached. */
  async sync(businessId: string): Promise<WhatsAppTemplateSyncDto> {
    const account = await this.settings.requireAccount(businessId);
    let listed: Awaited<ReturnType<WhatsAppClient['templates']>>;
    try {
      listed = await this.client.templates(account);
    } catch (err) {
      if (!(err instanceof WhatsAppApiError)) throw err;
      throw new AppException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'whatsapp.sync_failed',
        `The templates could not be read from WhatsApp: ${err.message}`,
      );
    }
    const approved = listed
      .filter((t) => t.status.toUpperCase() === 'APPROVED' && t.name.length <= 512 && t.language.length <= 16)
      .map((t) => ({
        name: t.name,
        language: t.language,
        category: t.category.slice(0, 32),
        body: t.body,
        parameterCount: parameterCountOf(t.body),
      }));
    await this.templates.replaceAll(businessId, approved, new Date());
    const templates = await this.list(businessId);
    return { approved: templates.length, listed: listed.length, templates };
  }

  async list(businessId: string): Promise<WhatsAppTemplateDto[]> {
    return (await this.templates.list(businessId)).map(toTemplateDto);
  }

  async listMappings(businessId: string): Promise<WhatsAppTemplateMappingDto[]> {
    return (await this.mappings.list(businessId)).map(toMappingDto);
  }

  /** Maps a key to a synced template: 422 when no such approved template was synced or the parameters do not match its count. */
  async putMapping(businessId: string, key: TemplateKey, dto: PutWhatsAppTemplateMappingDto): Promise<WhatsAppTemplateMappingDto> {
    await this.requireSynced(businessId, dto);
    await this.mappings.put(businessId, key, { name: dto.name, language: dto.language, parameters: dto.parameters });
    return toMappingDto((await this.mappings.forKey(businessId, key))!);
  }

  /**
   * The synced approved template a send or a mapping names, checked: parameters that parse
   * (400 naming each), a template of the last sync (422 whatsapp.template_unknown) taking
   * exactly that many body parameters (422 whatsapp.template_parameters).
   */
  async requireSynced(businessId: string, t: MappedTemplate, field = 'parameters'): Promise<WhatsAppTemplate> {
    const errors = t.parameters.flatMap((source, i) => {
      try {
        parseTemplate(source, 'text');
        return [];
      } catch (err) {
        if (!(err instanceof TemplateSyntaxError)) throw err;
        return [{ field: `${field}.${i}`, message: err.message }];
      }
    });
    if (errors.length) throw new AppException(HttpStatus.BAD_REQUEST, 'validation_failed', errors.map((e) => e.message).join('; '), errors);
    const template = await this.templates.find(businessId, t.name, t.language);
    if (!template)
      throw new AppException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'whatsapp.template_unknown',
        `No approved WhatsApp template ${t.name} (${t.language}) was synced: sync the templates (POST /api/notifications/whatsapp/templates/sync) once Meta approved it`,
      );
    if (template.parameterCount !== t.parameters.length)
      throw new AppException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'whatsapp.template_parameters',
        `${t.name} (${t.language}) takes ${template.parameterCount} body parameter(s); ${t.parameters.length} were given`,
        [{ field, message: `must list ${template.parameterCount} parameter(s)` }],
      );
    return template;
  }

  async removeMapping(businessId: string, key: TemplateKey): Promise<void> {
    if (!(await this.mappings.remove(businessId, key))) throw new NotFoundAppException('whatsapp_template_mapping', key);
  }

  /** The WhatsApp template a key is sent as, or null (then its text is free text: only inside the window). */
  async mappingFor(businessId: string, key: TemplateKey): Promise<MappedTemplate | null> {
    const m = await this.mappings.forKey(businessId, key);
    return m ? { name: m.name, language: m.language, parameters: m.parameters } : null;
  }
}
