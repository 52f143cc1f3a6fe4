import { createHmac, timingSafeEqual } from 'node:crypto';
import { escapeHtml } from '../../common/text/html';
import type { RenderedMessage } from '../notifications/notification.types';

export type TrackingKind = 'open' | 'click';

const HREF = /href="(https?:\/\/[^"]+)"/gi;
const unescapeHref = (href: string) => href.replace(/&amp;/g, '&');

/**
 * A campaign email's tracking links: the open pixel and click redirects name
 * the message (its id) and carry an HMAC over it and, for a click, over the
 * target URL. So a redirect goes only to a link we wrote into that message:
 * any other URL, or another message's link, fails the check (no open redirect).
 */
export class CampaignLinks {
  constructor(
    private readonly key: Buffer,
    private readonly publicUrl: string,
  ) {}

  sign(kind: TrackingKind, messageId: string, url = ''): string {
    return createHmac('sha256', this.key).update(`${kind}\0${messageId}\0${url}`).digest().subarray(0, 18).toString('base64url');
  }

  verify(kind: TrackingKind, messageId: string, signature: string, url = ''): boolean {
    const expected = Buffer.from(this.sign(kind, messageId, url));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  openUrl(messageId: string): string {
    return `${this.publicUrl}/api/public/campaigns/open/${messageId}/${this.sign('open', messageId)}`;
  }

  clickUrl(messageId: string, url: string): string {
    return `${this.publicUrl}/api/public/campaigns/click/${messageId}/${this.sign('click', messageId, url)}?u=${encodeURIComponent(url)}`;
  }

  /** The email's HTML with its http(s) links going through the click redirect and/or an open pixel at its end. */
  decorate(m: RenderedMessage, messageId: string, track: { opens: boolean; clicks: boolean }): RenderedMessage {
    if (!m.html || (!track.opens && !track.clicks)) return m;
    let html = m.html;
    if (track.clicks) html = html.replace(HREF, (_, href: string) => `href="${escapeHtml(this.clickUrl(messageId, unescapeHref(href)))}"`);
    if (track.opens) {
      const pixel = `<img src="${escapeHtml(this.openUrl(messageId))}" width="1" height="1" alt="" style="display:block;border:0">`;
      html = html.includes('</body>') ? html.replace('</body>', `${pixel}\n</body>`) : `${html}${pixel}`;
    }
    return { ...m, html };
  }
}

/** A 1×1 transparent GIF. */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
