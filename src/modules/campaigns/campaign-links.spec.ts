import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CampaignLinks } from './campaign-links';

const MESSAGE = '0b9d1c4e-8a51-8f00-9c2e-3f1a2b3c4d5e';
const links = new CampaignLinks(Buffer.alloc(32, 7), 'https://app.chatgrow.test');
const html =
  '<html><body><p><a href="https://example.co.il/sale?a=1&amp;b=2">מבצע</a> <a href="mailto:x@example.co.il">x</a></p></body></html>';

describe('campaign tracking links', () => {
  it('signs a click for one message and one URL: another URL, message or key does not verify', () => {
    const sig = links.sign('click', MESSAGE, 'https://example.co.il/');
    assert.ok(links.verify('click', MESSAGE, sig, 'https://example.co.il/'));
    assert.ok(!links.verify('click', MESSAGE, sig, 'https://evil.example.com/'));
    assert.ok(!links.verify('click', MESSAGE.replace('0b', '0c'), sig, 'https://example.co.il/'));
    assert.ok(!links.verify('open', MESSAGE, sig));
    assert.ok(!new CampaignLinks(Buffer.alloc(32, 8), 'x').verify('click', MESSAGE, sig, 'https://example.co.il/'));
    assert.ok(!links.verify('click', MESSAGE, `${sig}x`, 'https://example.co.il/'));
  });

  it('leaves the message alone when tracking is off (the default)', () => {
    const m = { subject: 's', text: 't', html };
    assert.equal(links.decorate(m, MESSAGE, { opens: false, clicks: false }), m);
  });

  it('routes http(s) links through the signed redirect (the URL as written, unescaped) and adds one pixel', () => {
    const out = links.decorate({ text: 't', html }, MESSAGE, { opens: true, clicks: true }).html!;
    const href = /href="(https:\/\/app\.chatgrow\.test\/api\/public\/campaigns\/click\/[^"]+)"/.exec(out)?.[1].replace(/&amp;/g, '&');
    assert.ok(href, out);
    const url = new URL(href);
    assert.equal(url.searchParams.get('u'), 'https://example.co.il/sale?a=1&b=2');
    const sig = url.pathname.split('/').at(-1)!;
    assert.ok(links.verify('click', MESSAGE, sig, 'https://example.co.il/sale?a=1&b=2'));
    assert.match(out, /href="mailto:x@example\.co\.il"/, 'other links stay as they are');
    assert.equal(out.match(/<img /g)?.length, 1);
    assert.ok(out.indexOf('<img ') < out.indexOf('</body>'));
  });
});
