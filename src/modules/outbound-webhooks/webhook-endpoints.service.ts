import { HttpStatus, Injectable } from '@nestjs/common';
import { Keyring } from '../../common/crypto/keyring';
import { AppException, NotFoundAppException } from '../../common/problem/app.exception';
import type {
  CreateWebhookEndpointDto,
  UpdateWebhookEndpointDto,
  WebhookEndpointDto,
  WebhookEndpointWithSecretDto,
} from './dto/webhook-endpoint.dto';
import { type WebhookEndpoint, WebhookEndpointStatus } from './entities/webhook-endpoint.entity';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { ALL_EVENTS } from './webhook-events';
import { toWebhookEndpointDto } from './webhook.mapper';
import { newEndpointSecret } from './webhook-signature';
import { WebhookUrlGuard } from './webhook-url-guard';
import { WebhookUrlError } from './webhook-url.error';

/** After a rotation, deliveries carry a signature with the previous secret too, for this long. */
export const SECRET_OVERLAP_MS = 24 * 3_600_000;
const MAX_URL_LENGTH = 2048;

/** Registering, changing and removing a business's webhook endpoints, and their secrets. */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly keyring: Keyring,
    private readonly guard: WebhookUrlGuard,
  ) {}

  async create(businessId: string, dto: CreateWebhookEndpointDto): Promise<WebhookEndpointWithSecretDto> {
    const url = await this.checkedUrl(dto.url);
    const secret = newEndpointSecret();
    const row = await this.endpoints.insert(businessId, {
      url,
      description: dto.description ?? null,
      eventTypes: normalised(dto.eventTypes),
      secret: this.keyring.seal(secret),
      previousSecret: null,
      previousSecretExpiresAt: null,
      status: WebhookEndpointStatus.enabled,
      disabledReason: null,
      disabledAt: null,
      consecutiveFailures: 0,
      failingSince: null,
    });
    return { ...toWebhookEndpointDto(row), secret };
  }

  async list(businessId: string, page: { offset: number; limit: number }): Promise<[WebhookEndpointDto[], number]> {
    const [rows, total] = await this.endpoints.page(businessId, page);
    return [rows.map(toWebhookEndpointDto), total];
  }

  async get(businessId: string, id: string): Promise<WebhookEndpointDto> {
    return toWebhookEndpointDto(await this.require(businessId, id));
  }

  /** Changes the URL (checked again), description or event types; `status: enabled` re-enables and resets the failure count. */
  async update(businessId: string, id: string, dto: UpdateWebhookEndpointDto): Promise<WebhookEndpointDto> {
    const current = await this.require(businessId, id);
    const changes: Partial<WebhookEndpoint> = {};
    if (dto.url !== undefined && dto.url !== current.url) changes.url = await this.checkedUrl(dto.url);
    if (dto.description !== undefined) changes.description = dto.description;
    if (dto.eventTypes !== undefined) changes.eventTypes = normalised(dto.eventTypes);
    if (dto.status === WebhookEndpointStatus.enabled && current.status !== WebhookEndpointStatus.enabled)
      Object.assign(changes, { status: dto.status, disabledReason: null, disabledAt: null, consecutiveFailures: 0, failingSince: null });
    if (dto.status === WebhookEndpointStatus.disabled && current.status !== WebhookEndpointStatus.disabled)
      Object.assign(changes, { status: dto.status, disabledReason: 'disabled by a user', disabledAt: new Date() });
    if (!(await this.endpoints.updateFields(businessId, id, changes))) throw new NotFoundAppException('webhook_endpoint', id);
    return this.get(businessId, id);
  }

  /** Removes the endpoint and its delivery log; attempts still queued find nothing and stop. */
  async remove(businessId: string, id: string): Promise<void> {
    if (!(await this.endpoints.deleteById(businessId, id))) throw new NotFoundAppException('webhook_endpoint', id);
  }

  /** A new secret, shown once; deliveries are signed with the old one as well for 24 hours. */
  async rotateSecret(businessId: string, id: string): Promise<WebhookEndpointWithSecretDto> {
    const current = await this.require(businessId, id);
    const secret = newEndpointSecret();
    await this.endpoints.updateFields(businessId, id, {
      secret: this.keyring.seal(secret),
      previousSecret: current.secret,
      previousSecretExpiresAt: new Date(Date.now() + SECRET_OVERLAP_MS),
    });
    return { ...(await this.get(businessId, id)), secret };
  }

  async require(businessId: string, id: string): Promise<WebhookEndpoint> {
    const row = await this.endpoints.findById(businessId, id);
    if (!row) throw new NotFoundAppException('webhook_endpoint', id);
    return row;
  }

  /** The URL as it will be called, once the SSRF guard accepts it (422 naming the reason otherwise). */
  private async checkedUrl(text: string): Promise<string> {
    let href: string;
    try {
      href = (await this.guard.check(text)).href;
    } catch (err) {
      if (!(err instanceof WebhookUrlError)) throw err;
      throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, `webhook_endpoint.${err.code}`, err.message, [
        { field: 'url', message: err.message },
      ]);
    }
    if (href.length > MAX_URL_LENGTH)
      throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, 'webhook_endpoint.url_refused', 'url is too long', [
        { field: 'url', message: `url must be at most ${MAX_URL_LENGTH} characters` },
      ]);
    return href;
  }
}

const normalised = (types: readonly string[]): string[] => (types.includes(ALL_EVENTS) ? [ALL_EVENTS] : [...new Set(types)]);
