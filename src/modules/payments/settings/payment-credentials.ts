import { PaymentProvider } from '../../../infra/config/env.schema';

interface CredentialField {
  /** What a value must look like; messages never repeat the value. */
  pattern: RegExp;
  required: boolean;
  hint: string;
}

interface ProviderCredentials {
  fields: Record<string, CredentialField>;
  /** The field whose last 4 characters the settings show (it names the account; never a password). */
  shown: string | null;
}

const text = (max: number) => new RegExp(`^[\\x21-\\x7e]{1,${max}}$`);

/**
 * The credentials each gateway's API takes (see the gateways' reference): Cardcom API v11
 * (terminal, API user and its password, which refunds need), Grow's Light API (the business's
 * userId, the page code of its card page, a platform apiKey when Grow issued one), Tranzila
 * (the terminal name and the REST API's app key and secret, which sign every call).
 */
export const PROVIDER_CREDENTIALS: Record<PaymentProvider, ProviderCredentials> = {
  [PaymentProvider.sandbox]: { fields: {}, shown: null },
  [PaymentProvider.cardcom]: {
    fields: {
      terminalNumber: { pattern: /^\d{1,10}$/, required: true, hint: 'the terminal number (digits)' },
      apiName: { pattern: text(100), required: true, hint: 'the API user name' },
      apiPassword: { pattern: text(100), required: true, hint: 'the API password (refunds need it)' },
    },
    shown: 'terminalNumber',
  },
  [PaymentProvider.grow]: {
    fields: {
      userId: { pattern: /^[A-Za-z0-9]{1,64}$/, required: true, hint: 'the business userId' },
      pageCode: { pattern: /^[A-Za-z0-9]{1,64}$/, required: true, hint: 'the page code of the card payment page' },
      apiKey: { pattern: text(128), required: false, hint: 'the platform apiKey, when Grow issued one' },
    },
    shown: 'userId',
  },
  [PaymentProvider.tranzila]: {
    fields: {
      terminalName: { pattern: /^[A-Za-z0-9_-]{1,40}$/, required: true, hint: 'the terminal name' },
      appKey: { pattern: text(200), required: true, hint: 'the REST API app key' },
      secret: { pattern: text(200), required: true, hint: 'the REST API secret' },
    },
    shown: 'terminalName',
  },
};

export interface CredentialProblem {
  field: string;
  message: string;
}

/** What is wrong with `credentials` for `provider` (unknown, missing or malformed fields); empty when they fit. */
export function credentialProblems(provider: PaymentProvider, credentials: Record<string, unknown>): CredentialProblem[] {
  const { fields } = PROVIDER_CREDENTIALS[provider];
  const problems: CredentialProblem[] = [];
  for (const name of Object.keys(credentials))
    if (!fields[name])
      problems.push({
        field: `credentials.${name}`,
        message: `${provider} takes no credential "${name}"${Object.keys(fields).length ? ` (it takes: ${Object.keys(fields).join(', ')})` : ''}`,
      });
  for (const [name, spec] of Object.entries(fields)) {
    const value = credentials[name];
    if (value === undefined || value === null || value === '') {
      if (spec.required) problems.push({ field: `credentials.${name}`, message: `${provider} needs ${name}: ${spec.hint}` });
    } else if (typeof value !== 'string' || !spec.pattern.test(value)) {
      problems.push({ field: `credentials.${name}`, message: `credentials.${name} is not valid: ${spec.hint}` });
    }
  }
  return problems;
}

/** The last 4 characters of the credential that names the account, or null. */
export function shownPart(provider: PaymentProvider, credentials: Record<string, string>): string | null {
  const name = PROVIDER_CREDENTIALS[provider].shown;
  return name && credentials[name] ? credentials[name].slice(-4) : null;
}
