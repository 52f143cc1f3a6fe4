import type { Customer } from './entities/customer.entity';

/**
 * How a field's value is read and checked (see customer-field-rules.ts and
 * csv/row.ts): `name` Hebrew or Latin letters; `text` free text; `email`
 * lower-cased; `phone` E.164; `tags` a set of labels; `birthday` a past
 * `YYYY-MM-DD`; `language` one of `values`; `consent` marketing consent on one
 * channel; `customFields` a flat object; `fullName` (CSV only) split into
 * first and last name; `readOnly` kept by the system, exported only.
 */
export type FieldKind =
  'name' | 'text' | 'email' | 'phone' | 'tags' | 'birthday' | 'language' | 'consent' | 'customFields' | 'fullName' | 'readOnly';

export interface FieldSpec {
  kind: FieldKind;
  /** Characters (of each item, for tags; of each value, for custom fields). */
  maxLength?: number;
  /** Items (tags) or keys (custom fields). */
  maxItems?: number;
  /** The entity columns the field writes; none for read-only and CSV-only fields. */
  stores?: readonly (keyof Customer)[];
  /** CSV header spellings that feed the field, Hebrew and English (the export labels feed it too). */
  headers?: readonly string[];
  /** Its column in the CSV export. */
  export?: { readonly he: string; readonly en: string };
  /** The allowed values, the value of a new customer that gives none, and how a CSV cell may spell each value. */
  values?: readonly string[];
  default?: string;
  spellings?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Every customer field, once. The request DTOs take their limits from here,
 * the CSV import its column names and per-field checks, the export its
 * columns, and the import plan and the bulk insert the columns they write.
 * The key order is the order of the export's columns and of every list below.
 */
export const CUSTOMER_FIELDS = {
  id: { kind: 'readOnly', export: { he: 'מזהה', en: 'ID' } },
  firstName: {
    kind: 'name',
    maxLength: 100,
    stores: ['firstName'],
    headers: ['first name', 'firstname', 'first', 'given name', 'שם פרטי', 'פרטי'],
    export: { he: 'שם פרטי', en: 'First name' },
  },
  lastName: {
    kind: 'name',
    maxLength: 100,
    stores: ['lastName'],
    headers: ['last name', 'lastname', 'surname', 'family name', 'שם משפחה', 'משפחה'],
    export: { he: 'שם משפחה', en: 'Last name' },
  },
  fullName: {
    kind: 'fullName',
    maxLength: 200,
    headers: [
      'name',
      'full name',
      'customer name',
      'client name',
      'contact name',
      'שם',
      'שם מלא',
      'שם הלקוח',
      'שם לקוח',
      'שם הלקוחה',
      'לקוח',
    ],
  },
  phone: {
    kind: 'phone',
    stores: ['phone'],
    headers: [
      'phone',
      'mobile',
      'cell',
      'cellphone',
      'phone number',
      'mobile phone',
      'telephone',
      'tel',
      'טלפון',
      'נייד',
      'טלפון נייד',
      'פלאפון',
      'סלולרי',
      'מספר טלפון',
      'טל',
    ],
    export: { he: 'טלפון', en: 'Phone' },
  },
  email: {
    kind: 'email',
    maxLength: 254,
    stores: ['email'],
    headers: [
      'email',
      'e-mail',
      'email address',
      'mail',
      'אימייל',
      'אי-מייל',
      'מייל',
      'דוא"ל',
      'דואר אלקטרוני',
      'כתובת מייל',
      'כתובת אימייל',
    ],
    export: { he: 'אימייל', en: 'Email' },
  },
  tags: {
    kind: 'tags',
    maxLength: 50,
    maxItems: 50,
    stores: ['tags'],
    headers: ['tags', 'tag', 'labels', 'תגיות', 'תגית', 'תגים'],
    export: { he: 'תגיות', en: 'Tags' },
  },
  notes: {
    kind: 'text',
    maxLength: 5000,
    stores: ['notes'],
    headers: ['notes', 'note', 'comments', 'הערות', 'הערה'],
    export: { he: 'הערות', en: 'Notes' },
  },
  address: {
    kind: 'text',
    maxLength: 300,
    stores: ['address'],
    headers: ['address', 'כתובת', 'כתובת מגורים'],
    export: { he: 'כתובת', en: 'Address' },
  },
  birthday: {
    kind: 'birthday',
    stores: ['birthday'],
    headers: ['birthday', 'birth date', 'date of birth', 'dob', 'תאריך לידה', 'יום הולדת'],
    export: { he: 'תאריך לידה', en: 'Birthday' },
  },
  language: {
    kind: 'language',
    stores: ['language'],
    values: ['he', 'en'],
    default: 'he',
    spellings: { he: ['he', 'heb', 'hebrew', 'עברית'], en: ['en', 'eng', 'english', 'אנגלית'] },
    headers: ['language', 'lang', 'שפה'],
    export: { he: 'שפה', en: 'Language' },
  },
  source: {
    kind: 'text',
    maxLength: 60,
    stores: ['source'],
    default: 'manual',
    headers: ['source', 'lead source', 'מקור', 'מקור הגעה'],
    export: { he: 'מקור', en: 'Source' },
  },
  emailConsent: {
    kind: 'consent',
    /** Of the consent's `source` (where it was given). */
    maxLength: 60,
    stores: ['emailConsent', 'emailConsentAt', 'emailConsentSource'],
    headers: ['email consent', 'email marketing', 'email opt in', 'הסכמה לדיוור במייל', 'הסכמה לדיוור', 'הסכמה למייל', 'דיוור במייל'],
    export: { he: 'הסכמה לדיוור במייל', en: 'Email consent' },
  },
  smsConsent: {
    kind: 'consent',
    maxLength: 60,
    stores: ['smsConsent', 'smsConsentAt', 'smsConsentSource'],
    headers: [
      'sms consent',
      'sms marketing',
      'sms opt in',
      'הסכמה לדיוור ב-SMS',
      'הסכמה ל-SMS',
      'הסכמה להודעות',
      'הסכמה לסמס',
      'דיוור SMS',
    ],
    export: { he: 'הסכמה לדיוור ב-SMS', en: 'SMS consent' },
  },
  customFields: {
    kind: 'customFields',
    maxLength: 500,
    maxItems: 50,
    stores: ['customFields'],
    headers: ['custom fields', 'שדות נוספים'],
    export: { he: 'שדות נוספים', en: 'Custom fields' },
  },
  archived: { kind: 'readOnly', export: { he: 'בארכיון', en: 'Archived' } },
  visitCount: { kind: 'readOnly', export: { he: 'ביקורים', en: 'Visits' } },
  totalSpend: { kind: 'readOnly', export: { he: 'סך רכישות (₪)', en: 'Total spend (ILS)' } },
  lastActivityAt: { kind: 'readOnly', export: { he: 'פעילות אחרונה', en: 'Last activity' } },
  createdAt: { kind: 'readOnly', export: { he: 'נוצר', en: 'Created' } },
} as const satisfies Record<string, FieldSpec>;

type Fields = typeof CUSTOMER_FIELDS;
const SCALAR_KINDS = ['name', 'text', 'email', 'phone', 'birthday', 'language'] as const satisfies FieldKind[];
export type CustomerField = keyof Fields;
type FieldsOfKind<K extends FieldKind> = { [F in CustomerField]: Fields[F]['kind'] extends K ? F : never }[CustomerField];

/** Fields a CSV column can feed. */
export type ImportField = Exclude<CustomerField, FieldsOfKind<'readOnly'>>;
/** Fields held in one column of their own name, replaced as a whole (an empty value clears the optional ones). */
export type ScalarField = FieldsOfKind<(typeof SCALAR_KINDS)[number]>;
/** The entity columns the fields write: what creating, updating and importing a customer may set. */
export type CustomerColumn = { [F in CustomerField]: Fields[F] extends { stores: readonly (infer C)[] } ? C : never }[CustomerField];
export type CustomerColumns = Pick<Customer, CustomerColumn>;
/** A new customer's row: the fields' columns and the search text derived from them. */
export type CustomerRow = CustomerColumns & Pick<Customer, 'searchText'>;
export type ExportColumnKey = { [F in CustomerField]: Fields[F] extends { export: object } ? F : never }[CustomerField];

/** The table as a list, each entry with the general shape (the lists below and the CSV code iterate it). */
export const FIELD_ENTRIES = Object.entries(CUSTOMER_FIELDS) as [CustomerField, FieldSpec][];
const named = (keep: (f: FieldSpec) => boolean) => FIELD_ENTRIES.filter(([, f]) => keep(f)).map(([name]) => name);

export const IMPORT_FIELDS = named((f) => f.kind !== 'readOnly') as ImportField[];
export const SCALAR_FIELDS = named((f) => (SCALAR_KINDS as readonly FieldKind[]).includes(f.kind)) as ScalarField[];
export const CUSTOMER_COLUMNS = FIELD_ENTRIES.flatMap(([, f]) => f.stores ?? []) as CustomerColumn[];
export const CUSTOMER_ROW_COLUMNS: (keyof CustomerRow)[] = [...CUSTOMER_COLUMNS, 'searchText'];
