import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import twilio from 'twilio';
import { type FormParams, isValidTwilioSignature, twilioSignature } from './twilio-signature';

const TOKEN = '12345';
const DOC_URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const DOC_PARAMS = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };

/** A signed voice request from twilio-ruby's own tests (spec/util/request_validator_spec.rb): a vector made by Twilio, not by us. */
const RUBY_VECTOR = {
  token: '2bd9e9638872de601313dc77410d3b23',
  url: 'http://twiliotests.heroku.com/validate/voice',
  params: {
    ToState: 'California',
    CalledState: 'California',
    Direction: 'inbound',
    FromState: 'CA',
    AccountSid: 'ACba8bc05eacf94afdae398e642c9cc32d',
    Caller: '+14153595711',
    CallerZip: '94108',
    CallerCountry: 'US',
    From: '+14153595711',
    FromCity: 'SAN FRANCISCO',
    CallerCity: 'SAN FRANCISCO',
    To: '+14157669926',
    FromZip: '94108',
    FromCountry: 'US',
    ToCity: '',
    CallStatus: 'ringing',
    CalledCity: '',
    CallerState: 'CA',
    CalledZip: '',
    ToZip: '',
    ToCountry: 'US',
    CallSid: 'CA136d09cd59a3c0ec8dbff44da5c03f31',
    CalledCountry: 'US',
    Called: '+14157669926',
    ApiVersion: '2010-04-01',
    ApplicationSid: 'AP44efecad51364e80b133bb7c07eb8204',
  },
  signature: 'oVb2kXoVy8GEfwBDjR8bk/ZZ6eA=',
};

const CASES: { label: string; url: string; params: FormParams }[] = [
  { label: "the example of Twilio's security guide", url: DOC_URL, params: DOC_PARAMS },
  { label: "twilio-ruby's voice request", url: RUBY_VECTOR.url, params: RUBY_VECTOR.params },
  {
    label: 'a status callback with our query',
    url: 'https://app.chatgrow.example.co.il/api/webhooks/twilio/status?b=0b6f7d3e-2a51-4a8e-9a43-5b9a1a1c2d3e&m=5f0c9b1e-8d2a-4e57-b6a1-0e9c2b7d4f11&a=2',
    params: { MessageSid: 'SM0123', MessageStatus: 'undelivered', ErrorCode: '30003', To: '+972501234567' },
  },
  {
    label: 'Hebrew, spaces, symbols and an empty value',
    url: 'http://localhost:3000/api/webhooks/twilio/inbound',
    params: { Body: '  הסר! 100% & "quotes" + plus ', From: '+972541234567', Empty: '', Zeta: 'z', alpha: 'a' },
  },
  {
    label: 'a repeated parameter',
    url: 'https://example.com/hook',
    params: { MediaUrl: ['https://b.example/2', 'https://a.example/1', 'https://a.example/1'] },
  },
  { label: 'no parameters', url: 'https://example.com/hook?x=%27quoted%27', params: {} },
];

describe('Twilio request signatures', () => {
  it("computes what the twilio package (Twilio's reference implementation) computes", () => {
    for (const c of CASES) {
      assert.equal(twilioSignature(TOKEN, c.url, c.params), twilio.getExpectedTwilioSignature(TOKEN, c.url, c.params), c.label);
    }
  });

  it('verifies a request Twilio signed', () => {
    const { token, url, params, signature } = RUBY_VECTOR;
    assert.equal(twilioSignature(token, url, params), signature);
    assert.equal(isValidTwilioSignature(token, signature, url, params), true);
  });

  it('accepts exactly what the reference validator accepts', () => {
    for (const c of CASES) {
      const good = twilioSignature(TOKEN, c.url, c.params);
      const variants: [string, string, string, FormParams][] = [
        ['valid', good, c.url, c.params],
        ['another token', twilioSignature('54321', c.url, c.params), c.url, c.params],
        ['another URL', good, `${c.url}${c.url.includes('?') ? '&' : '?'}x=1`, c.params],
        ['a parameter more', good, c.url, { ...c.params, Extra: '1' }],
        ['empty', '', c.url, c.params],
        ['truncated', good.slice(0, -2), c.url, c.params],
      ];
      for (const [label, signature, url, params] of variants) {
        assert.equal(
          isValidTwilioSignature(TOKEN, signature, url, params),
          twilio.validateRequest(TOKEN, signature, url, params),
          `${c.label}: ${label}`,
        );
      }
      assert.equal(isValidTwilioSignature(TOKEN, good, c.url, c.params), true, c.label);
    }
  });

  it('takes an HTTPS URL signed with or without its default port', () => {
    const url = 'https://app.chatgrow.example.co.il/api/webhooks/twilio/inbound';
    const params = { Body: 'STOP' };
    const withPort = twilioSignature(TOKEN, 'https://app.chatgrow.example.co.il:443/api/webhooks/twilio/inbound', params);
    assert.equal(isValidTwilioSignature(TOKEN, withPort, url, params), true);
    assert.equal(isValidTwilioSignature(TOKEN, twilioSignature(TOKEN, url, params), url.replace('.co.il/', '.co.il:443/'), params), true);
    // Another port is another URL.
    const other = twilioSignature(TOKEN, 'https://app.chatgrow.example.co.il:8443/api/webhooks/twilio/inbound', params);
    assert.equal(isValidTwilioSignature(TOKEN, other, url, params), false);
  });
});
