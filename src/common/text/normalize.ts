/** Emails are compared trimmed and lower-cased everywhere. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A URL slug from a name; Hebrew-only names give an empty string (callers add a suffix). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '')
    .slice(0, 60);
}

/** Words that public URLs use after /api/public/, so no business may take them as its slug. */
export const RESERVED_SLUGS = new Set([
  'appointments',
  'campaigns',
  'subscriptions',
  'unsubscribe',
  'public',
  'api',
  'admin',
  'docs',
  'health',
]);
