import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Keyring } from '../../../common/crypto/keyring';
import { randomToken, sha256 } from '../../../common/crypto/tokens';
import { AppException } from '../../../common/problem/app.exception';
import type { AppConfig } from '../../../infra/config/app-config';
import { PaymentProvider } from '../../../infra/config/env.schema';
import type { PaymentSettingsDto, UpdatePaymentSettingsDto } from '../dto/payment-settings.dto';
import type { PaymentSettings } from '../entities/payment-settings.entity';
import { GatewayError, PAYMENT_GATEWAYS, type PaymentGateways } from '../gateways/payment-gateway.port';
import { credentialProblems, shownPart } from './payment-credentials';
import { PaymentSettingsRepository } from './payment-settings.repository';

/**
 * Which gateway a business's payments go through and with which credentials:
 * chosen by the owner, sealed under ENCRYPTION_KEY, never shown (only the last
 * 4 characters of the account's name); PAYMENT_PROVIDER for a business that
 * chose none. Each business has a secret webhook token, rotatable.
 */
@Injectable()
export class PaymentSettingsService {
  private readonly logger = new Logger('Payments');
  private readonly defaultProvider: PaymentProvider;
  /** PUBLIC_URL without a trailing slash. */
  readonly publicUrl: string;

  constructor(
    private readonly settings: PaymentSettingsRepository,
    private readonly keyring: Keyring,
    @Inject(PAYMENT_GATEWAYS) private readonly gateways: PaymentGateways,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.defaultProvider = config.get('PAYMENT_PROVIDER', { infer: true });
    this.publicUrl = config.get('PUBLIC_URL', { infer: true }).replace(/\/+$/, '');
  }

  async get(businessId: string): Promise<PaymentSettingsDto> {
    return this.toDto(await this.row(businessId));
  }

  /** Replaces the provider and its credentials (400 naming each field that does not fit; nothing changes then). */
  async update(businessId: string, dto: UpdatePaymentSettingsDto): Promise<PaymentSettingsDto> {
    const credentials = dto.credentials ?? {};
    const problems = credentialProblems(dto.provider, credentials);
    if (problems.length) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        'payment_settings.invalid_credentials',
        `The credentials do not fit ${dto.provider}`,
        problems,
      );
    }
    await this.row(businessId);
    const hasCredentials = Object.keys(credentials).length > 0;
    const checkedAt = hasCredentials ? await this.check(businessId, dto.provider, credentials as Record<string, string>) : null;
    await this.settings.change(businessId, {
      provider: dto.provider,
      credentials: hasCredentials ? this.keyring.seal(JSON.stringify(credentials)) : null,
      credentialsLast4: hasCredentials ? shownPart(dto.provider, credentials) : null,
      credentialsCheckedAt: checkedAt,
      ...(dto.maxInstallments !== undefined ? { maxInstallments: dto.maxInstallments } : {}),
    });
    return this.get(businessId);
  }

  /**
   * A test call with the credentials where the gateway offers one: 422 with the gateway's reason when it
   * refuses them. A gateway that cannot be reached does not block the owner: the credentials are saved
   * unchecked (credentialsCheckedAt null) and the first payment tells.
   */
  private async check(businessId: string, provider: PaymentProvider, credentials: Record<string, string>): Promise<Date | null> {
    let reason: string | null;
    try {
      reason = await this.gateways.for(provider).checkCredentials({ businessId, credentials });
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      if (err.temporary) {
        this.logger.warn(`${provider} could not be reached to check a business's credentials: saved unchecked`);
        return null;
      }
      reason = err.message;
    }
    if (reason)
      throw new AppException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'payment_settings.rejected',
        `${provider} refused the credentials: ${reason}`,
        [{ field: 'credentials', message: reason }],
      );
    return new Date();
  }

  /** A new webhook token; the old one stops working at once. */
  async rotateWebhookToken(businessId: string): Promise<PaymentSettingsDto> {
    await this.row(businessId);
    const token = this.newToken();
    await this.settings.change(businessId, { webhookTokenHash: token.hash, webhookToken: token.sealed });
    return this.get(businessId);
  }

  /** What a new payment goes through: the provider, its credentials and the webhook URL; 422 while it lacks credentials. */
  async active(
    businessId: string,
  ): Promise<{ provider: PaymentProvider; credentials: Record<string, string>; notifyUrl: string; maxInstallments: number }> {
    const row = await this.row(businessId);
    const provider = row.provider ?? this.defaultProvider;
    return {
      provider,
      credentials: this.credentialsOf(row, provider),
      notifyUrl: this.webhookUrl(provider, row),
      maxInstallments: row.maxInstallments,
    };
  }

  /**
   * The credentials for talking to `provider` about an existing payment (verify, refund):
   * 422 when the business no longer has that gateway's credentials.
   */
  async credentialsFor(businessId: string, provider: PaymentProvider): Promise<Record<string, string>> {
    return this.credentialsOf(await this.row(businessId), provider);
  }

  /** The business a webhook token belongs to; null for a token that is nobody's (or was rotated away). */
  businessForWebhook(token: string): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return Promise.resolve(null);
    return this.settings.businessByTokenHash(sha256(token));
  }

  private credentialsOf(row: PaymentSettings, provider: PaymentProvider): Record<string, string> {
    if (provider === PaymentProvider.sandbox) return {};
    const sealed = (row.provider ?? this.defaultProvider) === provider ? row.credentials : null;
    const text = sealed ? this.keyring.open(sealed) : null;
    if (!text) {
      throw new AppException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'payment.gateway_not_configured',
        `The business's payment gateway (${provider}) has no credentials: the owner sets them with PUT /api/business/payment-settings`,
      );
    }
    return JSON.parse(text) as Record<string, string>;
  }

  private webhookUrl(provider: PaymentProvider, row: PaymentSettings): string {
    return `${this.publicUrl}/api/webhooks/payments/${provider}/${this.keyring.open(row.webhookToken) ?? ''}`;
  }

  private row(businessId: string): Promise<PaymentSettings> {
    return this.settings.ensure(businessId, this.newToken());
  }

  private newToken(): { hash: string; sealed: string } {
    const token = randomToken(32);
    return { hash: sha256(token), sealed: this.keyring.seal(token) };
  }

  private toDto(row: PaymentSettings): PaymentSettingsDto {
    const provider = row.provider ?? this.defaultProvider;
    const credentials = row.provider === provider && row.credentials ? this.keyring.open(row.credentials) : null;
    return {
      provider,
      source: row.provider ? 'business' : 'default',
      configured: provider === PaymentProvider.sandbox || credentials !== null,
      credentialsLast4: credentials ? row.credentialsLast4 : null,
      credentialsCheckedAt: credentials && row.credentialsCheckedAt ? row.credentialsCheckedAt.toISOString() : null,
      maxInstallments: row.maxInstallments,
      webhookUrl: this.webhookUrl(provider, row),
    };
  }
}
