import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { WebhookUrlError } from './webhook-url.error';

/** Address ranges a webhook may never reach (SSRF): each with the word the refusal uses. */
const BLOCKED: [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', 'this-network'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'shared (CGNAT)'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'reserved'],
  ['192.0.2.0', 24, 'ipv4', 'documentation'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'benchmarking'],
  ['198.51.100.0', 24, 'ipv4', 'documentation'],
  ['203.0.113.0', 24, 'ipv4', 'documentation'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  // ::/96 holds :: (unspecified), ::1 (loopback) and the deprecated IPv4-compatible addresses.
  ['::', 96, 'ipv6', 'loopback or unspecified'],
  ['64:ff9b::', 96, 'ipv6', 'NAT64 (embeds an IPv4 address)'],
  ['2001::', 32, 'ipv6', 'Teredo (embeds an IPv4 address)'],
  ['2001:db8::', 32, 'ipv6', 'documentation'],
  ['2002::', 16, 'ipv6', '6to4 (embeds an IPv4 address)'],
  ['fc00::', 7, 'ipv6', 'private (unique local)'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
];

const lists = BLOCKED.map(([net, prefix, family, label]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, family);
  return { list, family, label };
});

/** The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`, `::ffff:a00:1`), else null. */
function mappedIpv4(address: string): string | null {
  const m = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:(.+)$/i.exec(address.replace(/^\[|\]$/g, ''));
  if (!m) return null;
  if (isIP(m[1]) === 4) return m[1];
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(m[1]);
  if (!hex) return null;
  const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Why an IP address may not be reached ("loopback", "private", …), or null when it may. Anything not an IP is refused. */
export function blockedRange(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '');
  const v4 = isIP(bare) === 6 ? mappedIpv4(bare) : null;
  const ip = v4 ?? bare;
  const family = isIP(ip);
  if (family === 0) return 'not an IP address';
  for (const { list, family: f, label } of lists) {
    if ((f === 'ipv4') === (family === 4) && list.check(ip, f)) return label;
  }
  return null;
}

export type Resolver = (host: string) => Promise<LookupAddress[]>;

const RESOLVE_TIMEOUT_MS = 5_000;

/** Every address the system resolver gives for `host` (what a connection could use), within 5 s. */
export const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(Object.assign(new Error(`resolving ${host} timed out`), { code: 'ETIMEOUT' })),
      RESOLVE_TIMEOUT_MS,
    );
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => {
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(addresses);
    });
  });

export interface UrlGuardOptions {
  /** `http:` allowed (otherwise `https:` only). */
  allowHttp: boolean;
  /** Loopback, private, link-local and other internal addresses allowed (tests, local development). */
  allowPrivate: boolean;
}

/**
 * The SSRF guard of outbound webhooks: a URL must be http(s) (https unless
 * allowed), carry no credentials, and every address its host resolves to must
 * be public. It is checked when an endpoint is registered and again at every
 * delivery, inside the connection's own DNS lookup (`lookup`), so the address
 * that was checked is the address connected to: a DNS answer that changes
 * between the check and the connection (rebinding) cannot slip through.
 */
export class WebhookUrlGuard {
  constructor(
    readonly options: UrlGuardOptions,
    private readonly resolver: Resolver = systemResolver,
  ) {}

  /** The parsed URL, or a refusal for its form (scheme, credentials, a literal internal address). */
  parse(text: string): URL {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new WebhookUrlError('url_refused', 'url is not an absolute URL');
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.options.allowHttp))
      throw new WebhookUrlError('url_refused', this.options.allowHttp ? 'url must be http or https' : 'url must be https');
    if (url.username || url.password) throw new WebhookUrlError('url_refused', 'url must not carry credentials');
    if (!url.hostname) throw new WebhookUrlError('url_refused', 'url has no host');
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !this.options.allowPrivate) this.assertPublic(host, host);
    return url;
  }

  /** Parses the URL and resolves its host now: refused when any address is internal or nothing resolves. */
  async check(text: string): Promise<URL> {
    const url = this.parse(text);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (this.options.allowPrivate || isIP(host)) return url;
    await this.resolvePublic(host);
    return url;
  }

  /** A `lookup` for http(s).request that resolves the host and refuses internal addresses before any connection is made. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    const cb = callback as (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
    const resolved = this.options.allowPrivate ? this.resolver(hostname) : this.resolvePublic(hostname);
    resolved.then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (wanted.length === 0) return cb(Object.assign(new Error(`${hostname} has no usable address`), { code: 'ENOTFOUND' }), []);
        if (options.all) cb(null, wanted);
        else cb(null, wanted[0].address, wanted[0].family);
      },
      (err: NodeJS.ErrnoException) => cb(err, []),
    );
  };

  private async resolvePublic(host: string): Promise<LookupAddress[]> {
    let addresses: LookupAddress[];
    try {
      addresses = await this.resolver(host);
    } catch (err) {
      throw new WebhookUrlError('url_unresolvable', `${host} does not resolve (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (addresses.length === 0) throw new WebhookUrlError('url_unresolvable', `${host} does not resolve`);
    for (const a of addresses) this.assertPublic(host, a.address);
    return addresses;
  }

  private assertPublic(host: string, address: string): void {
    const range = blockedRange(address);
    if (!range) return;
    throw new WebhookUrlError(
      'url_refused',
      host === address ? `${host} is a ${range} address` : `${host} resolves to ${address}, a ${range} address`,
    );
  }
}
