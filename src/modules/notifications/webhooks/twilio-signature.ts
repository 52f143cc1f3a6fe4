import { createHmac, timingSafeEqual } from 'node:crypto';

/** A form's parameters as parsed: a repeated name holds every value. */
export type FormParams = Record<string, string | string[]>;

/**
 * Twilio's request signature (`X-Twilio-Signature`), as Twilio documents it:
 * the full URL Twilio requested (scheme, host, path and query exactly as
 * called), then each POST parameter sorted by name, name and value appended
 * with no delimiter (a repeated name: each distinct value, sorted); HMAC-SHA1
 * of that with the Auth Token, base64.
 */
export function twilioSignature(authToken: string, url: string, params: FormParams): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    const values = Array.isArray(value) ? [...new Set(value)].sort() : [value];
    for (const v of values) data += name + v;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

const AUTHORITY = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i;

/**
 * The URL as given, and with its default port written out or left out:
 * Twilio may sign an HTTPS URL with or without `:443` (its own validators
 * accept both). Nothing else of the URL is touched.
 */
function portVariants(url: string): string[] {
  const match = AUTHORITY.exec(url);
  if (!match) return [url];
  const [prefix, scheme, authority] = match;
  const rest = url.slice(prefix.length);
  const hostEnd = authority.lastIndexOf(']') + 1;
  const colon = authority.indexOf(':', Math.max(hostEnd, authority.lastIndexOf('@') + 1));
  if (colon !== -1) return [url, scheme + authority.slice(0, colon) + rest];
  const port = scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  return [url, scheme + authority + port + rest];
}

/** Whether `signature` is Twilio's for this request (compared in constant time). */
export function isValidTwilioSignature(authToken: string, signature: string, url: string, params: FormParams): boolean {
  const given = Buffer.from(signature);
  return portVariants(url).some((candidate) => {
    const expected = Buffer.from(twilioSignature(authToken, candidate, params));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
