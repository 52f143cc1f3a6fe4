import type { GatewayNotification } from '../payment-gateway.port';
import { GUID } from './cardcom-api.types';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * Cardcom's webhook: a JSON POST of the page's `LowProfileResult` to the page's
 * `WebHookUrl`, unsigned, so nothing in it is believed; the driver re-asks Cardcom
 * (GetLpResult) by its `LowProfileId`. Only that JSON object is accepted: a
 * `LowProfileId` GUID and an integer `ResponseCode`, and where present a numeric
 * `TerminalNumber`/`TranzactionId`, a string `ReturnValue` and an object
 * `TranzactionInfo`. Anything else (form bodies, the v10 GET indicator's
 * `lowprofilecode`, garbage) is null.
 *
 * The key is the page and its transaction (`<LowProfileId>:<TranzactionId>`, 0 before
 * there is one): a repeated webhook of the same charge is one inbox row, while a payer
 * who retried after a declined card on the same page (whether Cardcom notifies each
 * attempt is UNCONFIRMED) does not have the approval swallowed as a duplicate.
 * No fields are kept: the re-query needs only the page id.
 */
export function parseCardcomNotification(body: unknown): GatewayNotification | null {
  if (!isObject(body)) return null;
  const { LowProfileId, ResponseCode, TerminalNumber, TranzactionId, ReturnValue, TranzactionInfo } = body;
  if (typeof LowProfileId !== 'string' || !GUID.test(LowProfileId) || !Number.isInteger(ResponseCode)) return null;
  if (TerminalNumber !== undefined && !isId(TerminalNumber)) return null;
  if (TranzactionId !== undefined && TranzactionId !== null && !isId(TranzactionId)) return null;
  if (ReturnValue !== undefined && ReturnValue !== null && typeof ReturnValue !== 'string') return null;
  if (TranzactionInfo !== undefined && TranzactionInfo !== null && !isObject(TranzactionInfo)) return null;
  const innerId = isObject(TranzactionInfo) && isId(TranzactionInfo.TranzactionId) ? TranzactionInfo.TranzactionId : 0;
  const transactionId = isId(TranzactionId) && TranzactionId > 0 ? TranzactionId : innerId;
  const page = LowProfileId.toLowerCase();
  return { key: `${page}:${transactionId}`, gatewayReference: page, fields: {} };
}
