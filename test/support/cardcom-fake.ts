import { randomInt, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { cardcomOpenApi } from './cardcom-openapi';
import { type HttpFake, type RecordedRequest, sendJson, startHttpFake } from './http-fake';

/** One terminal's API user, as Cardcom's dashboard issues it. */
export interface CardcomAccount {
  terminalNumber: number;
  apiName: string;
  apiPassword: string;
}

export interface CardcomFakePage {
  lowProfileId: string;
  /** The Create body as received. */
  request: Record<string, unknown>;
  /** What GetLpResult answers (and the webhook would post) once the payer is done; null while the page is open. */
  result: Record<string, unknown> | null;
}

export interface CardcomFake extends HttpFake {
  /** Every call Cardcom received on a known path, its JSON body parsed. */
  calls: { request: RecordedRequest; path: string; body: unknown }[];
  /** Bodies that broke Cardcom's OpenAPI schemas, and answers of the fake that would: must stay empty. */
  violations: string[];
  pages: Map<string, CardcomFakePage>;
  /** Charged transactions by TranzactionId, amounts in agorot. */
  transactions: Map<number, { amountAgorot: number; refundedAgorot: number; refunds: number }>;
  /** The payer finishes the page: approved (charged the page's Amount) or declined by the card issuer. Returns the webhook's body. */
  pay(lowProfileId: string, outcome: 'approved' | 'declined'): Record<string, unknown>;
  /** Answer the next request with this HTTP status and a non-JSON body (429, 500, 503, …). */
  failNext(status: number): void;
  /** Hold the next answer this long (for timeouts). */
  stallNext(ms: number): void;
  /** Answer the next request with this refusal (HTTP 200 unless told). */
  refuseNext(answer: { ResponseCode: number; Description: string }, status?: number): void;
}

/**
 * The codes of refusals Cardcom's document does not list are the fake's own
 * (UNCONFIRMED what Cardcom sends); 603 is the "wrong user name or password"
 * integrators report.
 */
export const CARDCOM_FAKE_CODES = {
  badCredentials: 603,
  pageOpen: 1,
  pageNotFound: 5,
  cardDeclined: 4,
  transactionNotFound: 506,
  refundAboveLeft: 512,
  alreadyRefunded: 513,
  terminalNotInCompany: 3,
} as const;

const PATHS = {
  create: '/api/v11/LowProfile/Create',
  result: '/api/v11/LowProfile/GetLpResult',
  refund: '/api/v11/Transactions/RefundByTransactionId',
  list: '/api/v11/Transactions/ListTransactions',
};

const agorot = (shekels: unknown) => Math.round(Number(shekels) * 100);

/**
 * Cardcom's API v11 as it answers at the wire, for one terminal: JSON POSTs only
 * (415 otherwise), each body checked against Cardcom's published OpenAPI schema
 * (400 `ErrorInfo` and a recorded violation otherwise), credentials in the body
 * (401 `ErrorInfo` 603 when wrong), and every answer checked against the
 * operation's response schema before it is sent.
 * - `LowProfile/Create` → `{ResponseCode 0, LowProfileId, Url}`;
 * - `LowProfile/GetLpResult` → the page's `LowProfileResult`: while the page is
 *   open, a non-zero code without `TranzactionInfo` (modelled; UNCONFIRMED);
 * - `Transactions/RefundByTransactionId` → `{ResponseCode 0, NewTranzactionId}`,
 *   refusing a sum above what is left and a second refund without `AllowMultipleRefunds`;
 * - `Transactions/ListTransactions` → today's (empty) page of transactions.
 */
export async function startCardcomFake(account: CardcomAccount): Promise<CardcomFake> {
  const openApi = cardcomOpenApi();
  const calls: CardcomFake['calls'] = [];
  const violations: string[] = [];
  const pages = new Map<string, CardcomFakePage>();
  const transactions: CardcomFake['transactions'] = new Map();
  const scripted: ({ kind: 'fail'; status: number } | { kind: 'refuse'; status: number; body: object })[] = [];
  let stall = 0;

  const answer = (res: ServerResponse, path: string, status: number, body: object) => {
    violations.push(...openApi.response(path, status, body).map((v) => `fake answer: ${v}`));
    sendJson(res, status, body);
  };
  const wrongUser = (res: ServerResponse, path: string) =>
    answer(res, path, 401, { ResponseCode: CARDCOM_FAKE_CODES.badCredentials, Description: 'שם משתמש או סיסמה שגויים' });

  const handle = (req: RecordedRequest, res: ServerResponse) => {
    const path = req.path.split('?')[0];
    if (req.method !== 'POST' || !Object.values(PATHS).includes(path)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
      return;
    }
    if (!/^application\/json\b/.test(String(req.headers['content-type'] ?? ''))) {
      res.writeHead(415, { 'Content-Type': 'text/plain' }).end('Unsupported Media Type');
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(req.body) as Record<string, unknown>;
    } catch {
      return answer(res, path, 400, { ResponseCode: 400, Description: 'The request body is not JSON' });
    }
    calls.push({ request: req, path, body });
    const broken = openApi.request(path, body);
    if (broken.length) {
      violations.push(...broken);
      return answer(res, path, 400, { ResponseCode: 400, Description: broken.join('; ').slice(0, 250) });
    }
    const next = scripted.shift();
    if (next?.kind === 'fail') {
      res.writeHead(next.status, { 'Content-Type': 'text/html' }).end(`<html><body>${next.status}</body></html>`);
      return;
    }
    if (next?.kind === 'refuse') return answer(res, path, next.status, next.body);

    if (path === PATHS.create) {
      if (body.TerminalNumber !== account.terminalNumber || body.ApiName !== account.apiName) return wrongUser(res, path);
      const lowProfileId = randomUUID();
      pages.set(lowProfileId, { lowProfileId, request: body, result: null });
      return answer(res, path, 200, {
        ResponseCode: 0,
        Description: 'OK',
        LowProfileId: lowProfileId,
        Url: `https://secure.cardcom.solutions/EA/EA5/${lowProfileId}/PaymentSP`,
        UrlToPayPal: null,
        UrlToBit: null,
      });
    }
    if (path === PATHS.result) {
      if (body.TerminalNumber !== account.terminalNumber || body.ApiName !== account.apiName) return wrongUser(res, path);
      const page = pages.get(String(body.LowProfileId).toLowerCase());
      if (!page) return answer(res, path, 200, { ResponseCode: CARDCOM_FAKE_CODES.pageNotFound, Description: 'LowProfile not found' });
      if (page.result) return answer(res, path, 200, page.result);
      return answer(res, path, 200, {
        ResponseCode: CARDCOM_FAKE_CODES.pageOpen,
        Description: 'העסקה טרם הושלמה',
        TerminalNumber: account.terminalNumber,
        LowProfileId: page.lowProfileId,
        ReturnValue: page.request.ReturnValue ?? null,
        Operation: 'ChargeOnly',
      });
    }
    if (path === PATHS.refund) {
      if (body.ApiName !== account.apiName || body.ApiPassword !== account.apiPassword) return wrongUser(res, path);
      const tx = transactions.get(Number(body.TransactionId));
      if (!tx) return answer(res, path, 200, { ResponseCode: CARDCOM_FAKE_CODES.transactionNotFound, Description: 'עסקה לא נמצאה' });
      if (tx.refunds > 0 && body.AllowMultipleRefunds !== true)
        return answer(res, path, 200, { ResponseCode: CARDCOM_FAKE_CODES.alreadyRefunded, Description: 'כבר בוצע זיכוי לעסקה זו' });
      const sum = body.PartialSum === undefined || body.PartialSum === null ? tx.amountAgorot - tx.refundedAgorot : agorot(body.PartialSum);
      if (sum <= 0 || tx.refundedAgorot + sum > tx.amountAgorot)
        return answer(res, path, 200, { ResponseCode: CARDCOM_FAKE_CODES.refundAboveLeft, Description: 'סכום הזיכוי גבוה מסכום העסקה' });
      tx.refundedAgorot += sum;
      tx.refunds += 1;
      return answer(res, path, 200, { ResponseCode: 0, Description: 'OK', NewTranzactionId: randomInt(200_000_000, 299_999_999) });
    }
    // ListTransactions
    if (body.ApiName !== account.apiName || body.ApiPassword !== account.apiPassword) return wrongUser(res, path);
    if (!/^\d{8}$/.test(String(body.FromDate)) || !/^\d{8}$/.test(String(body.ToDate)))
      return answer(res, path, 400, { ResponseCode: 400, Description: 'FromDate and ToDate are DDMMYYYY' });
    if (body.LimitForTerminal !== undefined && body.LimitForTerminal !== account.terminalNumber)
      return answer(res, path, 200, { ResponseCode: CARDCOM_FAKE_CODES.terminalNotInCompany, Description: 'המסוף אינו שייך לחברה' });
    return answer(res, path, 200, { ResponseCode: 0, Description: 'OK', Tranzactions: [], Page: body.Page, Page_size: body.Page_size });
  };

  const fake = await startHttpFake((req, res) => {
    const wait = stall;
    stall = 0;
    if (wait) setTimeout(() => handle(req, res), wait);
    else handle(req, res);
  });

  return {
    ...fake,
    calls,
    violations,
    pages,
    transactions,
    failNext: (status) => scripted.push({ kind: 'fail', status }),
    stallNext: (ms) => {
      stall = ms;
    },
    refuseNext: (body, status = 200) => scripted.push({ kind: 'refuse', status, body }),
    pay(lowProfileId, outcome) {
      const page = pages.get(lowProfileId);
      if (!page) throw new Error(`No page ${lowProfileId}`);
      const approved = outcome === 'approved';
      const tranzactionId = randomInt(100_000_000, 199_999_999);
      const amount = page.request.Amount as number;
      const payments = (page.request.AdvancedDefinition as { MaxNumOfPayments?: number } | undefined)?.MaxNumOfPayments ?? 1;
      const code = approved ? 0 : CARDCOM_FAKE_CODES.cardDeclined;
      const words = approved ? 'עסקה תקינה' : 'סירוב';
      const owner = (page.request.UIDefinition ?? {}) as Record<string, string>;
      page.result = {
        ResponseCode: code,
        Description: words,
        TerminalNumber: account.terminalNumber,
        LowProfileId: page.lowProfileId,
        TranzactionId: tranzactionId,
        ReturnValue: page.request.ReturnValue ?? null,
        Operation: 'ChargeOnly',
        UIValues: {
          CardOwnerEmail: owner.CardOwnerEmailValue ?? '',
          CardOwnerName: owner.CardOwnerNameValue ?? '',
          CardOwnerPhone: owner.CardOwnerPhoneValue ?? '',
          CardOwnerIdentityNumber: '000000018',
          NumOfPayments: payments,
          CardYear: 2030,
          CardMonth: 12,
          CustomFields: null,
          IsAbroadCard: false,
        },
        DocumentInfo: null,
        TokenInfo: null,
        SuspendedInfo: null,
        TranzactionInfo: {
          ResponseCode: code,
          Description: words,
          TranzactionId: tranzactionId,
          TerminalNumber: account.terminalNumber,
          Amount: amount,
          CoinId: page.request.ISOCoinId ?? 1,
          CreateDate: new Date().toISOString(),
          Last4CardDigits: 0,
          Last4CardDigitsString: '0000',
          FirstCardDigits: 458000,
          JParameter: '0',
          CardMonth: 12,
          CardYear: 30,
          ApprovalNumber: approved ? String(randomInt(1_000_000, 9_999_999)) : null,
          FirstPaymentAmount: amount,
          ConstPaymentAmount: 0,
          NumberOfPayments: payments,
          CardInfo: 'Israeli',
          CardOwnerName: owner.CardOwnerNameValue ?? null,
          Brand: 'Visa',
          Acquire: 'CAL',
          Issuer: 'CAL',
          PaymentType: payments > 1 ? 'Payments' : 'Standard',
          CardNumberEntryMode: 'Internet',
          DealType: 'Debit',
          IsRefund: false,
          DocumentUrl: null,
          IsAbroadCard: false,
        },
        ExternalPaymentVector: null,
        Country: 'IL',
        UTM: null,
        IssuerAuthCodeDescription: null,
      };
      violations.push(...openApi.response(PATHS.result, 200, page.result).map((v) => `fake result: ${v}`));
      if (approved) transactions.set(tranzactionId, { amountAgorot: agorot(amount), refundedAgorot: 0, refunds: 0 });
      return structuredClone(page.result);
    },
  };
}
