import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Keyring } from '../../../common/crypto/keyring';
import { AppException } from '../../../common/problem/app.exception';
import type { AppConfig } from '../../../infra/config/app-config';
import { type WhatsAppAccount, WhatsAppApiError, WHATSAPP_CLIENT, type WhatsAppClient } from '../../../infra/whatsapp/whatsapp.port';
import { WEBHOOK_ROUTES } from '../webhooks/webhook-urls';
import type { UpdateWhatsAppSettingsDto, WhatsAppSettingsDto } from './dto/whatsapp-settings.dto';
import type { WhatsAppSettings } from './entities/whatsapp-settings.entity';
import { WhatsAppSettingsRepository } from './whatsapp-settings.repository';

/**
 * A business's WhatsApp Cloud API account: set by the owner, checked with a
 * harmless Graph call (GET /{phone-number-id}), the token sealed under
 * ENCRYPTION_KEY and shown only as its last 4 characters.
 */
@Injectable()
export class WhatsAppSettingsService {
  private readonly logger = new Logger('WhatsApp');
  private readonly publicUrl: string;

  constructor(
    private readonly settings: WhatsAppSettingsRepository,
    private readonly keyring: Keyring,
    @Inject(WHATSAPP_CLIENT) private readonly client: WhatsAppClient,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.publicUrl = config.get('PUBLIC_URL', { infer: true }).replace(/\/+$/, '');
  }

  async get(businessId: string): Promise<WhatsAppSettingsDto> {
    return this.toDto(await this.settings.get(businessId));
  }

  /** Replaces the account; 422 with Meta's reason when it refuses the token or the number id; saved unchecked when Meta cannot be reached. */
  async update(businessId: string, dto: UpdateWhatsAppSettingsDto): Promise<WhatsAppSettingsDto> {
    const account: WhatsAppAccount = {
      phoneNumberId: dto.phoneNumberId,
      businessAccountId: dto.businessAccountId,
      accessToken: dto.accessToken,
    };
    let checkedAt: Date | null = null;
    let displayPhoneNumber: string | null = null;
    try {
      displayPhoneNumber = (await this.client.phoneNumber(account)).displayPhoneNumber;
      checkedAt = new Date();
    } catch (err) {
      if (!(err instanceof WhatsAppApiError)) throw err;
      if (!err.temporary)
        throw new AppException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'whatsapp_settings.rejected',
          `WhatsApp refused the settings: ${err.message}`,
          [{ field: 'accessToken', message: err.message }],
        );
      this.logger.warn(`WhatsApp could not be reached to check a business's settings: saved unchecked (${err.message})`);
    }
    await this.settings.put(businessId, {
      ...account,
      accessToken: this.keyring.seal(dto.accessToken),
      accessTokenLast4: dto.accessToken.slice(-4),
      displayPhoneNumber: displayPhoneNumber?.slice(0, 32) ?? null,
      checkedAt,
    });
    return this.get(businessId);
  }

  /** The account to send with, or null when the business has connected none (or its token no longer opens). */
  async account(businessId: string): Promise<WhatsAppAccount | null> {
    const row = await this.settings.get(businessId);
    const token = row ? this.keyring.open(row.accessToken) : null;
    return row && token ? { phoneNumberId: row.phoneNumberId, businessAccountId: row.businessAccountId, accessToken: token } : null;
  }

  /** The account, or 422 `message.channel_not_configured`. */
  async requireAccount(businessId: string): Promise<WhatsAppAccount> {
    const account = await this.account(businessId);
    if (!account) throw notConfigured();
    return account;
  }

  businessByPhoneNumberId(phoneNumberId: string): Promise<string | null> {
    if (!/^\d{1,32}$/.test(phoneNumberId)) return Promise.resolve(null);
    return this.settings.businessByPhoneNumberId(phoneNumberId);
  }

  private toDto(row: WhatsAppSettings | null): WhatsAppSettingsDto {
    return {
      configured: row !== null,
      phoneNumberId: row?.phoneNumberId ?? null,
      businessAccountId: row?.businessAccountId ?? null,
      displayPhoneNumber: row?.displayPhoneNumber ?? null,
      accessTokenLast4: row?.accessTokenLast4 ?? null,
      checkedAt: row?.checkedAt?.toISOString() ?? null,
      webhookUrl: `${this.publicUrl}/api/${WEBHOOK_ROUTES.whatsapp}`,
    };
  }
}

export function notConfigured(): AppException {
  return new AppException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'message.channel_not_configured',
    'WhatsApp is not configured for this business: the owner connects a number with PUT /api/business/whatsapp-settings',
  );
}
