import { PermanentDeliveryError, TemporaryDeliveryError } from '../../common/delivery/delivery-errors';
import {
  type SentWhatsApp,
  type WhatsAppAccount,
  WhatsAppApiError,
  type WhatsAppClient,
  type WhatsAppNumberInfo,
  type WhatsAppTemplateInfo,
  type WhatsAppTemplateMessage,
  type WhatsAppTextMessage,
  WHATSAPP_REENGAGEMENT_CODE,
} from './whatsapp.port';

/** Pages of templates read at most (100 a page): a business account holds at most a few hundred. */
const MAX_PAGES = 20;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Meta's WhatsApp Business Cloud API over the Graph API, with Node's fetch:
 * `POST /{version}/{phone-number-id}/messages` (a template with its body
 * parameters, or free text), `GET /{version}/{waba-id}/message_templates`
 * (following the `after` cursor), `GET /{version}/{phone-number-id}`. Every
 * call carries the business's token as `Authorization: Bearer`.
 */
export class CloudApiWhatsAppClient implements WhatsAppClient {
  readonly provider = 'whatsapp-cloud';
  private readonly base: string;

  constructor(options: { graphUrl: string; apiVersion: string; timeoutMs?: number }) {
    this.base = `${options.graphUrl.replace(/\/+$/, '')}/${options.apiVersion}`;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  private readonly timeoutMs: number;

  sendTemplate(account: WhatsAppAccount, m: WhatsAppTemplateMessage): Promise<SentWhatsApp> {
    const components = m.template.parameters.length
      ? [{ type: 'body', parameters: m.template.parameters.map((text) => ({ type: 'text', text })) }]
      : [];
    return this.send(account, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: waNumber(m.to),
      type: 'template',
      template: { name: m.template.name, language: { code: m.template.language }, components },
      ...(m.reference ? { biz_opaque_callback_data: m.reference } : {}),
    });
  }

  sendText(account: WhatsAppAccount, m: WhatsAppTextMessage): Promise<SentWhatsApp> {
    return this.send(account, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: waNumber(m.to),
      type: 'text',
      text: { body: m.text, preview_url: false },
      ...(m.reference ? { biz_opaque_callback_data: m.reference } : {}),
    });
  }

  async templates(account: WhatsAppAccount): Promise<WhatsAppTemplateInfo[]> {
    const out: WhatsAppTemplateInfo[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = new URLSearchParams({ fields: 'name,language,status,category,components', limit: '100' });
      if (after) query.set('after', after);
      const body = await this.call(account, 'GET', `/${encodeURIComponent(account.businessAccountId)}/message_templates?${query}`);
      const data = Array.isArray(body.data) ? body.data : [];
      for (const item of data) {
        const t = obj(item);
        const name = str(t.name);
        const language = str(t.language);
        if (!name || !language) continue;
        const components = Array.isArray(t.components) ? t.components.map(obj) : [];
        const bodyText = components.find((c) => str(c.type)?.toUpperCase() === 'BODY');
        out.push({ name, language, status: str(t.status) ?? '', category: str(t.category) ?? '', body: str(bodyText?.text) ?? '' });
      }
      const paging = obj(body.paging);
      after = str(obj(paging.cursors).after);
      if (!after || !paging.next || data.length === 0) break;
    }
    return out;
  }

  async phoneNumber(account: WhatsAppAccount): Promise<WhatsAppNumberInfo> {
    const body = await this.call(account, 'GET', `/${encodeURIComponent(account.phoneNumberId)}?fields=display_phone_number,verified_name`);
    return {
      id: str(body.id) ?? account.phoneNumberId,
      displayPhoneNumber: str(body.display_phone_number),
      verifiedName: str(body.verified_name),
    };
  }

  private async send(account: WhatsAppAccount, payload: Json): Promise<SentWhatsApp> {
    let body: Json;
    try {
      body = await this.call(account, 'POST', `/${encodeURIComponent(account.phoneNumberId)}/messages`, payload);
    } catch (err) {
      if (!(err instanceof WhatsAppApiError)) throw err;
      const reason =
        err.code === WHATSAPP_REENGAGEMENT_CODE
          ? `WhatsApp ${err.code}: outside the 24-hour customer service window only an approved template may be sent (${err.message})`
          : `WhatsApp ${err.status}${err.code !== null ? ` (code ${err.code})` : ''}: ${err.message}`;
      const code = err.code !== null ? String(err.code) : String(err.status);
      throw err.temporary ? new TemporaryDeliveryError(reason.slice(0, 500), code) : new PermanentDeliveryError(reason.slice(0, 500), code);
    }
    const id = str(obj((Array.isArray(body.messages) ? body.messages : [])[0]).id);
    if (!id) throw new TemporaryDeliveryError('WhatsApp answered without a message id');
    return { messageId: id, provider: this.provider };
  }

  private async call(account: WhatsAppAccount, method: 'GET' | 'POST', path: string, payload?: Json): Promise<Json> {
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${account.accessToken}`,
          Accept: 'application/json',
          ...(payload ? { 'Content-Type': 'application/json' } : {}),
        },
        body: payload ? JSON.stringify(payload) : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
      throw new WhatsAppApiError(`WhatsApp could not be reached (${cause})`, 0, null);
    }
    const text = await res.text();
    let body: Json = {};
    try {
      body = obj(JSON.parse(text));
    } catch {
      // Not JSON (a proxy's page): the status tells.
    }
    if (!res.ok) {
      const error = obj(body.error);
      const code = typeof error.code === 'number' ? error.code : null;
      throw new WhatsAppApiError((str(error.message) ?? `HTTP ${res.status}`).slice(0, 300), res.status, code);
    }
    return body;
  }
}

/** Meta takes the number in international form; digits only is its documented shape (+972… → 972…). */
const waNumber = (e164: string): string => e164.replace(/^\+/, '');
