import { Transform, Type } from 'class-transformer';
import { DEFAULT_ALLOCATION_THRESHOLDS, THRESHOLDS_PATTERN } from '../allocation/allocation-thresholds';
import { IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateBy } from 'class-validator';
import { parseP256PublicKey } from '../../common/crypto/ec-public-key';
import { parseEncryptionKey } from '../../common/crypto/keyring';

export enum NodeEnv {
  development = 'development',
  production = 'production',
  test = 'test',
}

export enum AppRole {
  api = 'api',
  worker = 'worker',
  all = 'all',
}

/**
 * How email leaves the system: `outbox` writes .eml files (no account needed), `smtp` sends
 * through SMTP_URL, `sendgrid` through SendGrid's Mail Send API (SENDGRID_API_KEY).
 */
export enum EmailDriver {
  outbox = 'outbox',
  smtp = 'smtp',
  sendgrid = 'sendgrid',
}

/**
 * How text messages leave the system: `log` appends them to OUTBOX_DIR/sms.log (no account
 * needed), `twilio` sends through Twilio (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and a sender).
 */
export enum SmsDriver {
  log = 'log',
  twilio = 'twilio',
}

/**
 * Where stored files (invoice PDFs, logos) live: `local` under STORAGE_DIR (default
 * DATA_DIR/files, no account needed), `s3` in a bucket of any S3-compatible store
 * (AWS S3, MinIO, Cloudflare R2; S3_BUCKET and credentials).
 */
export enum StorageDriver {
  local = 'local',
  s3 = 's3',
}

/** Where the document streams live: `postgres` (a jsonb table) or `mongodb` (MONGODB_URI). */
export enum DocumentStreamDriver {
  postgres = 'postgres',
  mongodb = 'mongodb',
}

/** BullMQ's backend: `postgres` (schema `bullmq` of our database) or `redis` (REDIS_URL). */
export enum QueueDriver {
  postgres = 'postgres',
  redis = 'redis',
}

/** Where rate-limit counters live: `memory` (per process) or `redis` (REDIS_URL, shared by every API process). */
export enum RateLimitStore {
  memory = 'memory',
  redis = 'redis',
}

/**
 * Where invoice allocation numbers (מספר הקצאה) come from: `manual` (typed in by the business)
 * or `ita` (the Tax Authority's API with each business's OAuth2 token; ITA_CLIENT_ID, ITA_CLIENT_SECRET,
 * ITA_SOFTWARE_NUMBER).
 */
export enum AllocationDriver {
  manual = 'manual',
  ita = 'ita',
}

/**
 * The payment gateway of a business that chose none (PUT /api/business/payment-settings):
 * `sandbox` (a hosted page served by the app, no account needed), `cardcom`, `grow` or `tranzila`
 * (each business's own credentials, stored encrypted).
 */
export enum PaymentProvider {
  sandbox = 'sandbox',
  cardcom = 'cardcom',
  grow = 'grow',
  tranzila = 'tranzila',
}

/**
 * Who helps with text (a segment described in words, campaign copy): `none` (local rules and
 * templates only, no account needed) or `openai` (the Chat Completions API at OPENAI_BASE_URL,
 * OPENAI_API_KEY; any compatible endpoint). Whatever it answers is validated before use, and
 * every caller falls back to the local logic when it fails.
 */
export enum AiDriver {
  none = 'none',
  openai = 'openai',
}

const oneOf = (variable: string, values: object) => ({ message: `${variable} must be one of: ${Object.values(values).join(', ')}` });

export const LOG_LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A duration such as `15m`, `30d`, `3600s` or a bare number of seconds. */
const DURATION = /^\d+(ms|s|m|h|d)?$/;

/** An email address, optionally with a display name: `Name <address>` or `address`. */
const MAILBOX = /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;

/** An ECDSA P-256 public key, base64 DER (SubjectPublicKeyInfo) as SendGrid shows it, or PEM. */
const IsP256PublicKey = (variable: string) =>
  ValidateBy({
    name: 'isP256PublicKey',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseP256PublicKey(value) !== null,
      defaultMessage: () => `${variable} must be an ECDSA P-256 public key: base64 (DER) as SendGrid shows it, or PEM`,
    },
  });

/** A 32-byte key (hex or base64); `list`: comma-separated keys. */
const IsEncryptionKey = (variable: string, list = false) =>
  ValidateBy({
    name: 'isEncryptionKey',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        (list ? value.split(',').filter((s) => s.trim()) : [value]).every((k) => parseEncryptionKey(k) !== null),
      defaultMessage: () =>
        `${variable} must be ${list ? 'comma-separated keys, each ' : ''}32 random bytes as 64 hex digits or base64 (openssl rand -base64 32)`,
    },
  });

/** `true`/`1`/`yes` and `false`/`0`/`no` (any case); anything else is left for @IsBoolean to refuse. */
const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no', ''].includes(v)) return false;
  return value;
};

const emptyToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * Every environment variable the app reads. Validated once at boot; a bad value
 * stops the process with a message that names the variable.
 */
export class EnvironmentVariables {
  @IsEnum(NodeEnv)
  NODE_ENV: NodeEnv = NodeEnv.development;

  @IsEnum(AppRole)
  APP_ROLE: AppRole = AppRole.all;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL = 'http://localhost:3000';

  @IsString()
  DATA_DIR = './data';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Unset: `redis` when REDIS_URL is set, else `postgres` (validateEnv fills it in). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEnum(QueueDriver, oneOf('QUEUE_DRIVER', QueueDriver))
  QUEUE_DRIVER: QueueDriver;

  /** Namespace of the queue keys in Redis (lets deployments share one Redis). */
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'QUEUE_PREFIX must be 1-32 letters, digits, _ or -' })
  QUEUE_PREFIX = 'chatgrow';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\//, { message: 'MONGODB_URI must be a mongodb:// URL' })
  MONGODB_URI?: string;

  /** Unset: `mongodb` when MONGODB_URI is set, else `postgres` (validateEnv fills it in). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEnum(DocumentStreamDriver, oneOf('DOCUMENT_STREAM_DRIVER', DocumentStreamDriver))
  DOCUMENT_STREAM_DRIVER: DocumentStreamDriver;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /**
   * The key that encrypts secrets stored in the database (payment gateway credentials), AES-256-GCM.
   * Outside production a missing one is generated into DATA_DIR/encryption-key.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEncryptionKey('ENCRYPTION_KEY')
  ENCRYPTION_KEY?: string;

  /** Earlier ENCRYPTION_KEYs, comma-separated: what they sealed still opens after a rotation. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEncryptionKey('ENCRYPTION_KEYS_RETIRED', true)
  ENCRYPTION_KEYS_RETIRED?: string;

  @Matches(DURATION, { message: 'JWT_ACCESS_TTL must be a duration such as 15m' })
  JWT_ACCESS_TTL = '15m';

  @Matches(DURATION, { message: 'JWT_REFRESH_TTL must be a duration such as 30d' })
  JWT_REFRESH_TTL = '30d';

  @Type(() => Number)
  @IsInt()
  @Min(4)
  @Max(15)
  BCRYPT_ROUNDS = 12;

  /** Comma-separated origins, or `*`. */
  @IsString()
  CORS_ORIGINS = 'http://localhost:3000';

  /** Window of the global rate limit, in seconds. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_TTL = 60;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_MAX = 300;

  /** Unset: `redis` when REDIS_URL is set, else `memory` (validateEnv fills it in). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEnum(RateLimitStore, oneOf('RATE_LIMIT_STORE', RateLimitStore))
  RATE_LIMIT_STORE: RateLimitStore;

  /** Failed-or-not login attempts allowed per IP and per email in one window. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_MAX = 10;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_TTL = 900;

  /** Account requests (forgot password, change password or email, resend verification) allowed per IP, per address and per user in one window. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  ACCOUNT_RATE_LIMIT_MAX = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  ACCOUNT_RATE_LIMIT_TTL = 900;

  /** How long a password-reset link works: whole minutes or hours (the mail states it in minutes). */
  @Matches(/^[1-9]\d*(m|h)$/, { message: 'PASSWORD_RESET_TTL must be a duration in minutes or hours such as 30m' })
  PASSWORD_RESET_TTL = '30m';

  /** How long email-verification and email-change links work: whole hours or days (the mails state it in hours). */
  @Matches(/^[1-9]\d*(h|d)$/, { message: 'EMAIL_CONFIRMATION_TTL must be a duration in hours or days such as 24h' })
  EMAIL_CONFIRMATION_TTL = '24h';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Defaults to `<DATA_DIR>/logs`. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LOG_DIR?: string;

  @Matches(/^\d+[kmg]?$/, { message: 'LOG_MAX_SIZE must be a size such as 20m' })
  LOG_MAX_SIZE = '20m';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOG_MAX_FILES = 14;

  /** Fraction of the disk under DATA_DIR that may be used before /health/ready fails. */
  @Type(() => Number)
  @Min(0.5)
  @Max(1)
  HEALTH_DISK_THRESHOLD = 0.95;

  /** A message's sending is tried this many times in all before it is `failed` (temporary failures only). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  MESSAGE_MAX_ATTEMPTS = 6;

  /** The wait before the first retry of a message; it doubles each time, with jitter. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  MESSAGE_RETRY_DELAY_MS = 5_000;

  /** At most this many emails a second leave (BullMQ limiter), to protect the provider account. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  EMAIL_MAX_PER_SECOND = 100;

  /** At most this many SMS a second leave. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SMS_MAX_PER_SECOND = 10;

  /** At most this many WhatsApp messages a second leave (Meta allows a number 80 a second by default). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  WHATSAPP_MAX_PER_SECOND = 20;

  /** Meta's Graph API, where WhatsApp Cloud API calls go (tests: a local fake). */
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'WHATSAPP_GRAPH_URL must be an http(s) URL' },
  )
  WHATSAPP_GRAPH_URL = 'https://graph.facebook.com';

  /** The Graph API version in every WhatsApp call's path. */
  @Matches(/^v\d{1,3}\.\d{1,2}$/, { message: 'WHATSAPP_API_VERSION must be a Graph API version such as v21.0' })
  WHATSAPP_API_VERSION = 'v21.0';

  /** The Meta app's secret: verifies X-Hub-Signature-256 on the WhatsApp webhook; unset, the webhook answers 404. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'WHATSAPP_APP_SECRET must be the app secret from the Meta app dashboard' })
  WHATSAPP_APP_SECRET?: string;

  /** The verify token typed into the Meta app's webhook settings (the GET handshake); unset, the handshake answers 404. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'WHATSAPP_VERIFY_TOKEN must be at least 8 characters' })
  WHATSAPP_VERIFY_TOKEN?: string;

  /**
   * Outbound webhooks may go to http:// URLs and to loopback, private and link-local addresses
   * (tests, local development). Refused in production, where endpoints must be https and public.
   */
  @Transform(toBoolean)
  @IsBoolean({ message: 'WEBHOOK_ALLOW_PRIVATE_URLS must be true or false' })
  WEBHOOK_ALLOW_PRIVATE_URLS = false;

  /** The waits between a webhook delivery's attempts (one per retry, each ±20 %): `1m,5m,30m,2h,6h,12h` ≈ 21 h, 7 attempts. */
  @Matches(/^\s*\d+(ms|s|m|h)(\s*,\s*\d+(ms|s|m|h))*\s*$/, {
    message: 'WEBHOOK_RETRY_SCHEDULE must be comma-separated waits such as 1m,5m,30m,2h (units ms, s, m, h)',
  })
  WEBHOOK_RETRY_SCHEDULE = '1m,5m,30m,2h,6h,12h';

  /** An endpoint is disabled after this many failed attempts in a row (or after failing for 24 hours). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  WEBHOOK_DISABLE_AFTER_FAILURES = 20;

  /** A webhook delivery attempt that has not been answered in this time fails. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  @IsEnum(EmailDriver, oneOf('EMAIL_DRIVER', EmailDriver))
  EMAIL_DRIVER: EmailDriver = EmailDriver.outbox;

  /** The From of every mail: an address, optionally with a display name. */
  @Matches(MAILBOX, { message: 'EMAIL_FROM must be an address such as "ChatGrow <no-reply@example.co.il>"' })
  EMAIL_FROM = 'ChatGrow <no-reply@chatgrow.local>';

  /** The Reply-To of every mail that names none; unset: replies go to EMAIL_FROM. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(MAILBOX, { message: 'EMAIL_REPLY_TO must be an address such as "Dana <dana@example.co.il>"' })
  EMAIL_REPLY_TO?: string;

  /** Where the outbox driver writes .eml files, and SMS_DRIVER=log its sms.log. Defaults to `<DATA_DIR>/outbox`. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  OUTBOX_DIR?: string;

  /** `smtp://user:pass@host:587` or `smtps://…:465`. Required when EMAIL_DRIVER=smtp. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** A SendGrid API key with the Mail Send permission. Required when EMAIL_DRIVER=sendgrid. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SENDGRID_API_KEY?: string;

  /** SendGrid's API; tests point it at a local fake (EU subusers: https://api.eu.sendgrid.com). */
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'SENDGRID_API_URL must be an http(s) URL' },
  )
  SENDGRID_API_URL = 'https://api.sendgrid.com';

  /**
   * The Signed Event Webhook's verification key (SendGrid: Settings > Mail Settings > Event Webhook,
   * "Signed Event Webhook Requests"). Unset: POST /api/webhooks/sendgrid/events answers 404.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsP256PublicKey('SENDGRID_WEBHOOK_PUBLIC_KEY')
  SENDGRID_WEBHOOK_PUBLIC_KEY?: string;

  /** A signed event batch whose timestamp is further than this from now (seconds) is refused as a replay. */
  @Type(() => Number)
  @IsInt()
  @Min(30)
  @Max(86_400)
  SENDGRID_WEBHOOK_MAX_AGE_SECONDS = 300;

  @IsEnum(SmsDriver, oneOf('SMS_DRIVER', SmsDriver))
  SMS_DRIVER: SmsDriver = SmsDriver.log;

  /** The Twilio account (AC…). Required when SMS_DRIVER=twilio. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^AC[0-9a-fA-F]{32}$/, { message: 'TWILIO_ACCOUNT_SID must be an Account SID: AC and 32 hex digits' })
  TWILIO_ACCOUNT_SID?: string;

  /**
   * The account's Auth Token. Required when SMS_DRIVER=twilio; it also signs Twilio's webhooks
   * (`X-Twilio-Signature`): unset, /api/webhooks/twilio/* answer 404.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TWILIO_AUTH_TOKEN?: string;

  /** The default sender: a Twilio number in E.164 (+972…) or an alphanumeric sender id (up to 11 letters and digits). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(?:\+[1-9]\d{6,14}|(?=[A-Za-z0-9 ]*[A-Za-z])[A-Za-z0-9 ]{1,11})$/, {
    message: 'TWILIO_FROM must be a number in E.164 (+972…) or an alphanumeric sender id of up to 11 characters',
  })
  TWILIO_FROM?: string;

  /** A Messaging Service (MG…) that picks the sender; used instead of TWILIO_FROM when set. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^MG[0-9a-fA-F]{32}$/, { message: 'TWILIO_MESSAGING_SERVICE_SID must be a Messaging Service SID: MG and 32 hex digits' })
  TWILIO_MESSAGING_SERVICE_SID?: string;

  /** Unset: Twilio's own API. Set: every Twilio request goes to this base URL instead (tests point it at a local fake). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'TWILIO_API_URL must be an http(s) URL' })
  TWILIO_API_URL?: string;

  @IsEnum(StorageDriver, oneOf('STORAGE_DRIVER', StorageDriver))
  STORAGE_DRIVER: StorageDriver = StorageDriver.local;

  /** Where STORAGE_DRIVER=local keeps files. Defaults to `<DATA_DIR>/files`. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  STORAGE_DIR?: string;

  /** The bucket of STORAGE_DRIVER=s3 (created beforehand; the app never creates buckets). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'S3_BUCKET must be a bucket name: 3-63 lowercase letters, digits, dots and hyphens',
  })
  S3_BUCKET?: string;

  /** The bucket's region (AWS: e.g. eu-central-1; R2: auto; MinIO: us-east-1 unless configured otherwise). */
  @Matches(/^[a-z0-9-]{1,32}$/, { message: 'S3_REGION must be a region such as eu-central-1 or auto' })
  S3_REGION = 'us-east-1';

  /** Unset: AWS S3. Set: the S3-compatible endpoint (MinIO, R2, a local fake), e.g. https://<account>.r2.cloudflarestorage.com. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'S3_ENDPOINT must be an http(s) URL' })
  S3_ENDPOINT?: string;

  /** Access key of STORAGE_DRIVER=s3. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  /** Secret key of STORAGE_DRIVER=s3. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** Address buckets as `endpoint/bucket/key` instead of `bucket.endpoint/key` (MinIO and most local fakes need it). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE = false;

  @IsEnum(PaymentProvider, oneOf('PAYMENT_PROVIDER', PaymentProvider))
  PAYMENT_PROVIDER: PaymentProvider = PaymentProvider.sandbox;

  /** A pending payment not paid within this many minutes expires (after a last question to its gateway). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PAYMENT_EXPIRY_MINUTES = 1_440;

  /**
   * How often the payments sweeper runs: it polls pending payments whose notification did
   * not come (with backoff), expires old ones, and resumes paid ones whose pipeline stopped.
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  PAYMENT_SWEEP_INTERVAL_MS = 60_000;

  /**
   * How often the automations sweeper runs: it re-queues the steps of runs whose job was
   * lost (a wait that ended, a crash between steps) and fires scheduled (date) triggers,
   * once per customer and local day.
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  AUTOMATION_SWEEP_INTERVAL_MS = 900_000;

  /** Recipients a campaign fans out per job (each batch is written to the message log and queued before the next). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5_000)
  CAMPAIGN_BATCH_SIZE = 500;

  /** How often the campaigns sweeper runs: starts scheduled campaigns that are due, resumes stalled ones. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  CAMPAIGN_SWEEP_INTERVAL_MS = 30_000;

  /** A sending campaign with no finished batch for this long has lost its next batch job (a crash): the sweeper queues it again. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  CAMPAIGN_STALL_MS = 120_000;

  /** Cardcom's API v11 host (production and test terminals share it); tests point it at a local fake. */
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'CARDCOM_API_URL must be an http(s) URL' },
  )
  CARDCOM_API_URL = 'https://secure.cardcom.solutions';
  /** Grow's (Meshulam) Light API host (sandbox: https://sandbox.meshulam.co.il; tests: a local fake). */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'GROW_API_URL must be an http(s) URL' })
  GROW_API_URL = 'https://secure.meshulam.co.il';
  /** Tranzila's REST API (handshake, refunds); tests point it at a local fake. */
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'TRANZILA_API_URL must be an http(s) URL' },
  )
  TRANZILA_API_URL = 'https://api.tranzila.com';

  /** Tranzila's transaction reports API (re-query of a notified transaction), on its own host. */
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'TRANZILA_REPORTS_URL must be an http(s) URL' },
  )
  TRANZILA_REPORTS_URL = 'https://report.tranzila.com';

  /** Where Tranzila's hosted payment page lives (`/{terminal}/iframenew.php`). */
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'TRANZILA_PAGE_URL must be an http(s) URL' },
  )
  TRANZILA_PAGE_URL = 'https://direct.tranzila.com';

  @IsEnum(AllocationDriver, oneOf('ALLOCATION_DRIVER', AllocationDriver))
  ALLOCATION_DRIVER: AllocationDriver = AllocationDriver.manual;

  /** Dated thresholds (amount before VAT, in shekels) above which a tax invoice to a business customer needs an allocation number. */
  @Matches(THRESHOLDS_PATTERN, { message: 'ALLOCATION_THRESHOLDS must be a list such as 2026-01-01:10000,2026-06-01:5000' })
  ALLOCATION_THRESHOLDS = DEFAULT_ALLOCATION_THRESHOLDS;

  /** The Tax Authority's allocation API (sandbox: …/shaam/tsandbox; tests: a local fake). */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'ITA_API_URL must be an http(s) URL' })
  ITA_API_URL = 'https://ita-api.taxes.gov.il/shaam/production';

  /** The Tax Authority's OAuth2 token endpoint (refresh grant). */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'ITA_TOKEN_URL must be an http(s) URL' })
  ITA_TOKEN_URL = 'https://openapi.taxes.gov.il/shaam/production/longtimetoken/oauth2/token';

  /** The app's client id at the Tax Authority's developer portal. Required when ALLOCATION_DRIVER=ita. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  ITA_CLIENT_ID?: string;

  /** Its client secret. Required when ALLOCATION_DRIVER=ita. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  ITA_CLIENT_SECRET?: string;

  /** Our number in the Tax Authority's software register (Accounting_Software_Number). Required when ALLOCATION_DRIVER=ita. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\d{1,9}$/, { message: 'ITA_SOFTWARE_NUMBER must be the register number (digits)' })
  ITA_SOFTWARE_NUMBER?: string;

  @IsEnum(AiDriver, oneOf('AI_DRIVER', AiDriver))
  AI_DRIVER: AiDriver = AiDriver.none;

  /** An OpenAI API key (or the compatible endpoint's). Required when AI_DRIVER=openai. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  OPENAI_API_KEY?: string;

  /** The Chat Completions API's base (`{base}/chat/completions`): OpenAI's, a compatible endpoint, or a local fake in tests. */
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'OPENAI_BASE_URL must be an http(s) URL' },
  )
  OPENAI_BASE_URL = 'https://api.openai.com/v1';

  /** The model every request names. */
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/, { message: 'OPENAI_MODEL must be a model name such as gpt-4o-mini' })
  OPENAI_MODEL = 'gpt-4o-mini';

  /** How long one completion may take before the caller falls back to local logic. */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  @Max(120_000)
  OPENAI_TIMEOUT_MS = 15_000;
}
