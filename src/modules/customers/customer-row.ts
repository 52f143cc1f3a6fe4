import { blankToNull } from './customer-contact';
import { CUSTOMER_FIELDS, type CustomerColumns, type CustomerRow, type ScalarField } from './customer-fields';
import { buildSearchText } from './customer-search';
import type { Customer } from './entities/customer.entity';

/** Consent on one channel as given: `at` defaults to now, `source` to the default customer source (`manual`). */
export interface ConsentInput {
  granted: boolean;
  at?: string | Date | null;
  source?: string | null;
}

export interface MarketingConsentInput {
  email?: ConsentInput;
  sms?: ConsentInput;
}

/** What creating a customer may give: a first name, any other field, and consent per channel. */
export type NewCustomerInput = Partial<Pick<CustomerColumns, ScalarField | 'tags' | 'customFields'>> & {
  firstName: string;
  marketingConsent?: MarketingConsentInput;
};

type ConsentColumns = Pick<
  Customer,
  'emailConsent' | 'emailConsentAt' | 'emailConsentSource' | 'smsConsent' | 'smsConsentAt' | 'smsConsentSource'
>;

/** The consent columns after `given`; a channel not given keeps `current` (none on a new customer). */
export function consentColumns(given: MarketingConsentInput | undefined, now: Date, current?: ConsentColumns): ConsentColumns {
  const channel = (c: 'email' | 'sms') => {
    const consent = given?.[c];
    if (!consent) {
      return current
        ? { granted: current[`${c}Consent`], at: current[`${c}ConsentAt`], source: current[`${c}ConsentSource`] }
        : { granted: false, at: null, source: null };
    }
    return {
      granted: consent.granted,
      at: consent.at ? new Date(consent.at) : now,
      source: consent.source ?? CUSTOMER_FIELDS.source.default,
    };
  };
  const email = channel('email');
  const sms = channel('sms');
  return {
    emailConsent: email.granted,
    emailConsentAt: email.at,
    emailConsentSource: email.source,
    smsConsent: sms.granted,
    smsConsentAt: sms.at,
    smsConsentSource: sms.source,
  };
}

/**
 * A new customer's row, whoever creates it (the API, a booking or
 * registration, a CSV import): the given fields, blanks as null, and the
 * defaults for the rest (language, source, no marketing consent, no tags or
 * custom fields), with the search text built from names and contacts.
 */
export function newCustomerRow(input: NewCustomerInput, now: Date): CustomerRow {
  const columns: CustomerColumns = {
    firstName: input.firstName,
    lastName: blankToNull(input.lastName),
    email: blankToNull(input.email),
    phone: blankToNull(input.phone),
    tags: input.tags ?? [],
    notes: blankToNull(input.notes),
    address: blankToNull(input.address),
    birthday: blankToNull(input.birthday),
    language: input.language ?? CUSTOMER_FIELDS.language.default,
    source: blankToNull(input.source) ?? CUSTOMER_FIELDS.source.default,
    customFields: input.customFields ?? {},
    ...consentColumns(input.marketingConsent, now),
  };
  return { ...columns, searchText: buildSearchText(columns) };
}
