import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type HttpFake, type RecordedRequest, sendJson, startHttpFake } from './http-fake';

/** Twilio's error body: `{ code, message, more_info, status }`. */
function twilioError(res: ServerResponse, status: number, code: number, message: string): void {
  sendJson(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

/** What Twilio answers with each failure status the tests ask for. */
const FAILURES: Record<number, [code: number, message: string]> = {
  400: [21211, "Invalid 'To' Phone Number: +9720000"],
  429: [20429, 'Too Many Requests'],
  500: [20500, 'An internal server error has occurred'],
  503: [20503, 'Service unavailable'],
};

export interface TwilioFake extends HttpFake {
  /** The accepted messages (201), their form fields parsed. */
  sent: { request: RecordedRequest; form: Record<string, string>; sid: string }[];
  /** Answer the next n message sends with this status (429, 500, 400, ...) and Twilio's error body. */
  failNext(n: number, status: number): void;
}

const rfc2822 = (d: Date) => d.toUTCString().replace('GMT', '+0000');

/**
 * Twilio's REST API (2010-04-01) as it answers at the wire, for one account:
 * HTTP Basic AccountSid:AuthToken (20003 otherwise);
 * `POST /2010-04-01/Accounts/{sid}/Messages.json`, form-encoded, checked as
 * Twilio does (21604 no To, 21211 a To that is not E.164, 21603 no sender,
 * 21602 no Body) and answered 201 with the Message resource (sid SM…, status
 * queued, or accepted when a Messaging Service picks the sender);
 * `GET /2010-04-01/Accounts/{sid}.json` answers the account.
 */
export async function startTwilioFake(options: { accountSid: string; authToken: string; accountStatus?: string }): Promise<TwilioFake> {
  const { accountSid, authToken } = options;
  const sent: TwilioFake['sent'] = [];
  let failures: number[] = [];
  const base = `/2010-04-01/Accounts/${accountSid}`;
  const fake = await startHttpFake((req, res) => {
    if (req.headers.authorization !== `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`) {
      return twilioError(res, 401, 20003, 'Authenticate');
    }
    if (req.method === 'GET' && req.path === `${base}.json`) {
      const created = rfc2822(new Date('2024-03-01T08:00:00Z'));
      return sendJson(res, 200, {
        sid: accountSid,
        owner_account_sid: accountSid,
        friendly_name: 'ChatGrow test account',
        status: options.accountStatus ?? 'active',
        type: 'Full',
        auth_token: authToken,
        date_created: created,
        date_updated: created,
        uri: `${base}.json`,
      });
    }
    if (req.method !== 'POST' || req.path !== `${base}/Messages.json`) {
      return twilioError(res, 404, 20404, `The requested resource ${req.path} was not found`);
    }
    const status = failures.shift();
    if (status) return twilioError(res, status, ...(FAILURES[status] ?? [20001, 'Error']));
    const form = Object.fromEntries(new URLSearchParams(req.body));
    if (!form.To) return twilioError(res, 400, 21604, "A 'To' phone number is required.");
    if (!/^\+[1-9]\d{6,14}$/.test(form.To)) return twilioError(res, 400, 21211, `Invalid 'To' Phone Number: ${form.To}`);
    if (!form.From && !form.MessagingServiceSid)
      return twilioError(res, 400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message");
    if (!form.Body) return twilioError(res, 400, 21602, 'Message body is required.');
    const sid = `SM${randomBytes(16).toString('hex')}`;
    sent.push({ request: req, form, sid });
    const now = rfc2822(new Date());
    sendJson(res, 201, {
      account_sid: accountSid,
      api_version: '2010-04-01',
      body: form.Body,
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: form.From ?? null,
      messaging_service_sid: form.MessagingServiceSid ?? null,
      num_media: '0',
      // Twilio counts segments on its side; a rough figure here, the driver reports its own count.
      num_segments: String(Math.max(1, Math.ceil(form.Body.length / 153))),
      price: null,
      price_unit: 'USD',
      sid,
      status: form.From ? 'queued' : 'accepted',
      subresource_uris: { media: `${base}/Messages/${sid}/Media.json` },
      to: form.To,
      uri: `${base}/Messages/${sid}.json`,
    });
  });
  return {
    ...fake,
    sent,
    failNext: (n, status) => {
      failures = Array.from({ length: n }, () => status);
    },
  };
}
