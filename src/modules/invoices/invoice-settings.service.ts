import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash } from 'node:crypto';
import { purposeKey } from '../../common/crypto/purpose-key';
import { open, seal } from '../../common/crypto/sealed-box';
import { toE164 } from '../../common/phone/phone';
import { AppException } from '../../common/problem/app.exception';
import type { Business } from '../../common/tenancy/business.entity';
import { ALLOCATION_PROVIDER, type AllocationCredentials, type AllocationProvider } from '../../infra/allocation/allocation.port';
import type { AppConfig } from '../../infra/config/app-config';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { FILE_STORAGE, type FileStorage } from '../../infra/storage/file-storage.port';
import { BusinessDirectory } from '../business/business-directory.service';
import { type AllocationTokenDto, type InvoiceSettingsDto, SERIES, type UpdateInvoiceSettingsDto } from './dto/invoice-settings.dto';
import type { InvoiceSettings } from './entities/invoice-settings.entity';
import { InvoiceCountersRepository } from './invoice-counters.repository';
import { InvoiceSettingsRepository } from './invoice-settings.repository';
import type { IssuerSnapshot } from './invoice-types';
import { IssuerIncompleteException, SeriesInUseException } from './invoices.exception';

/** Logos are small: at most 512 KB, PNG or JPEG (checked by their first bytes, not by what the client says). */
export const MAX_LOGO_BYTES = 512 * 1024;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

export interface UploadedLogo {
  buffer: Buffer;
  size: number;
}

/** What issuing needs: the business, its settings, and the issuer as documents print it. */
export interface IssuingContext {
  business: Business;
  settings: InvoiceSettings | null;
  issuer: IssuerSnapshot;
  vatRateBp: number;
  defaultRemarks: string | null;
}

const DEFAULT_VAT_BP = 1800;

/** Per-business document settings (owners and admins change them), the issuer fallbacks, the logo and the Tax Authority tokens. */
@Injectable()
export class InvoiceSettingsService {
  private readonly tokenKey: Buffer;

  constructor(
    private readonly settings: InvoiceSettingsRepository,
    private readonly counters: InvoiceCountersRepository,
    private readonly businesses: BusinessDirectory,
    private readonly tx: TransactionRunner,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(ALLOCATION_PROVIDER) private readonly allocation: AllocationProvider,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.tokenKey = purposeKey(config.get('JWT_SECRET', { infer: true })!, 'ita-tokens');
  }

  async get(businessId: string): Promise<InvoiceSettingsDto> {
    const [business, s, counters] = await Promise.all([
      this.businesses.require(businessId),
      this.settings.get(businessId),
      this.counters.findMany(businessId),
    ]);
    const issuer = issuerOf(business, s);
    return {
      legalName: s?.legalName ?? null,
      taxId: s?.taxId ?? null,
      address: s?.address ?? null,
      phone: s?.phone ?? null,
      effective: { legalName: issuer.legalName, taxId: issuer.taxId || null, address: issuer.address, phone: issuer.phone },
      hasLogo: Boolean(s?.logoKey),
      vatRate: (s?.vatRateBp ?? DEFAULT_VAT_BP) / 100,
      footer: s?.footer ?? null,
      defaultRemarks: s?.defaultRemarks ?? null,
      series: SERIES.map((type) => {
        const c = counters.find((x) => x.series === type);
        return { type, nextNumber: c?.nextNumber ?? 1, issued: c?.issued ?? 0 };
      }),
      allocationDriver: this.allocation.driver,
      allocationConnected: Boolean(s?.allocationCredentials),
    };
  }

  /** Changes the sent fields; a starting number only while its series is unused (409 otherwise, and nothing changes). */
  async update(businessId: string, dto: UpdateInvoiceSettingsDto): Promise<InvoiceSettingsDto> {
    const changes: Partial<InvoiceSettings> = {};
    if (dto.legalName !== undefined) changes.legalName = dto.legalName || null;
    if (dto.taxId !== undefined) changes.taxId = dto.taxId;
    if (dto.address !== undefined) changes.address = dto.address || null;
    if (dto.phone !== undefined) changes.phone = dto.phone === null ? null : (toE164(dto.phone) ?? null);
    if (dto.vatRate !== undefined) changes.vatRateBp = Math.round(dto.vatRate * 100);
    if (dto.footer !== undefined) changes.footer = dto.footer?.trim() || null;
    if (dto.defaultRemarks !== undefined) changes.defaultRemarks = dto.defaultRemarks?.trim() || null;
    const starts = Object.entries(dto.startingNumbers ?? {}).filter(([, v]) => v !== undefined) as [string, number][];
    await this.tx.run(async (em) => {
      const counters = this.counters.withManager(em);
      for (const [series, start] of starts) {
        const counter = await counters.lockSeries(businessId, series);
        if (counter.issued > 0) throw new SeriesInUseException(series);
        await counters.setNext(businessId, series, start);
      }
      await this.settings.withManager(em).change(businessId, changes);
    });
    return this.get(businessId);
  }

  /** Stores a PNG or JPEG logo under its hash (never overwritten: issued documents keep theirs). */
  async setLogo(businessId: string, file: UploadedLogo | undefined): Promise<InvoiceSettingsDto> {
    if (!file || file.size === 0) throw badLogo('Send the logo as the multipart field "file" (PNG or JPEG)');
    if (file.size > MAX_LOGO_BYTES)
      throw new AppException(HttpStatus.PAYLOAD_TOO_LARGE, 'invoice.logo_too_large', `A logo is at most ${MAX_LOGO_BYTES / 1024} KB`);
    const kind = file.buffer.subarray(0, 8).equals(PNG) ? 'png' : file.buffer.subarray(0, 3).equals(JPEG) ? 'jpeg' : null;
    if (!kind) throw badLogo('The logo must be a PNG or JPEG image');
    const hash = createHash('sha256').update(file.buffer).digest('hex');
    const stored = await this.storage.put(`${businessId}/logos/${hash}.${kind === 'png' ? 'png' : 'jpg'}`, file.buffer, `image/${kind}`);
    await this.settings.change(businessId, { logoKey: stored.key });
    return this.get(businessId);
  }

  async removeLogo(businessId: string): Promise<void> {
    await this.settings.change(businessId, { logoKey: null });
  }

  async connectAllocation(businessId: string, dto: AllocationTokenDto): Promise<void> {
    const credentials: AllocationCredentials = {
      accessToken: dto.accessToken,
      refreshToken: dto.refreshToken ?? null,
      expiresAt: dto.expiresIn ? new Date(Date.now() + dto.expiresIn * 1000) : null,
    };
    await this.storeCredentials(businessId, credentials);
  }

  async disconnectAllocation(businessId: string): Promise<void> {
    await this.settings.change(businessId, { allocationCredentials: null });
  }

  /** The business's Tax Authority tokens, or null (none, or sealed under another JWT_SECRET: the business must connect again). */
  async credentials(businessId: string): Promise<AllocationCredentials | null> {
    const sealed = (await this.settings.get(businessId))?.allocationCredentials;
    const text = sealed ? open(this.tokenKey, sealed) : null;
    if (!text) return null;
    const parsed = JSON.parse(text) as { accessToken: string; refreshToken: string | null; expiresAt: string | null };
    return { ...parsed, expiresAt: parsed.expiresAt ? new Date(parsed.expiresAt) : null };
  }

  /** Written at once, outside any document transaction: a refresh used up the old refresh token. */
  async storeCredentials(businessId: string, c: AllocationCredentials): Promise<void> {
    const text = JSON.stringify({
      accessToken: c.accessToken,
      refreshToken: c.refreshToken,
      expiresAt: c.expiresAt?.toISOString() ?? null,
    });
    await this.settings.change(businessId, { allocationCredentials: seal(this.tokenKey, text) });
  }

  /** The business and issuer as documents print them; 422 when the issuer's tax id is missing. */
  async issuingContext(businessId: string): Promise<IssuingContext> {
    const [business, settings] = await Promise.all([this.businesses.require(businessId), this.settings.get(businessId)]);
    const issuer = issuerOf(business, settings);
    if (!issuer.taxId) throw new IssuerIncompleteException();
    return {
      business,
      settings,
      issuer,
      vatRateBp: settings?.vatRateBp ?? DEFAULT_VAT_BP,
      defaultRemarks: settings?.defaultRemarks ?? null,
    };
  }

  /** The stored bytes of a logo, or null (a missing file never blocks a document). */
  async logoBytes(key: string | null): Promise<Buffer | null> {
    if (!key) return null;
    return this.storage.get(key).catch(() => null);
  }
}

function badLogo(message: string): AppException {
  return new AppException(HttpStatus.BAD_REQUEST, 'invoice.logo_invalid', message, [{ field: 'file', message }]);
}

/** Document settings first, then the business profile. */
function issuerOf(business: Business, s: InvoiceSettings | null): IssuerSnapshot {
  return {
    legalName: s?.legalName ?? business.legalName ?? business.name,
    taxId: s?.taxId ?? business.taxId ?? '',
    vatStatus: business.vatStatus,
    address: s?.address ?? business.address,
    phone: s?.phone ?? business.phone,
    email: business.email,
    logoKey: s?.logoKey ?? null,
    footer: s?.footer ?? null,
  };
}
