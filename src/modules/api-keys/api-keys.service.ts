import { toApiKeyDto } from './api-key.mapper';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../common/auth/actor';
import { randomToken, safeEqual, sha256 } from '../../common/crypto/tokens';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { NotFoundAppException } from '../../common/problem/app.exception';
import { ApiKeysRepository } from './api-keys.repository';
import type { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

const KEY_FORMAT = /^(cg_[0-9a-f]{8})_[A-Za-z0-9_-]{43}$/;
/** lastUsedAt is refreshed at most this often, so authentication is not a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly events: DomainEvents,
  ) {}

  async create(businessId: string, dto: CreateApiKeyDto, createdByUserId: string | null): Promise<CreatedApiKeyDto> {
    const prefix = `cg_${randomBytes(4).toString('hex')}`;
    const key = `${prefix}_${randomToken(32)}`;
    const row = await this.keys.insert(businessId, {
      name: dto.name.trim(),
      role: dto.role,
      prefix,
      keyHash: sha256(key),
      createdByUserId,
      lastUsedAt: null,
      revokedAt: null,
    });
    this.events.emit('api_key.created', { businessId, apiKeyId: row.id });
    return { ...toApiKeyDto(row), key };
  }

  async list(businessId: string, page: { offset: number; limit: number }): Promise<[ApiKeyDto[], number]> {
    const [rows, total] = await this.keys.pageActive(businessId, page);
    return [rows.map(toApiKeyDto), total];
  }

  async revoke(businessId: string, id: string): Promise<void> {
    if (!(await this.keys.revoke(businessId, id, new Date()))) throw new NotFoundAppException('api_key', id);
    this.events.emit('api_key.revoked', { businessId, apiKeyId: id });
  }

  /** Revokes the active keys a user created in the business (they know the secrets). */
  async revokeCreatedBy(businessId: string, userId: string): Promise<void> {
    for (const apiKeyId of await this.keys.revokeCreatedBy(businessId, userId, new Date())) {
      this.events.emit('api_key.revoked', { businessId, apiKeyId });
    }
  }

  /** The actor behind an `x-api-key`, or null when the key is unknown, malformed or revoked. */
  async authenticate(presented: string): Promise<Actor | null> {
    const match = KEY_FORMAT.exec(presented);
    if (!match) return null;
    const key = await this.keys.findActiveByPrefix(match[1]);
    if (!key || !safeEqual(key.keyHash, sha256(presented))) return null;
    const now = new Date();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) await this.keys.touch(key.id, now);
    return { kind: 'api_key', id: key.id, businessId: key.businessId, role: key.role, name: `API key ${key.name}`, isPlatformAdmin: false };
  }
}
