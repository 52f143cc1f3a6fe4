import {
  type AllocationCredentials,
  type AllocationProvider,
  type AllocationRequest,
  type AllocationResult,
  AllocationUnavailableError,
} from './allocation.port';

export interface ItaSettings {
  /** The allocation API's base, e.g. `https://ita-api.taxes.gov.il/shaam/production` (tests: a local fake). */
  apiUrl: string;
  /** The OAuth2 token endpoint (refresh grant). */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Our number in the Tax Authority's software register (Accounting_Software_Number). */
  softwareNumber: string;
  timeoutMs?: number;
}

/** The Tax Authority's answer: Status, Message and, when approved, Confirmation_Number. */
interface ItaAnswer {
  Status?: number | string;
  Message?: string;
  Confirmation_Number?: string | number | null;
}

const shekels = (agorot: number) => Math.round(agorot) / 100;
/** The API's text limits (Customer_Name ≤ 25, item Description ≤ 30). */
const clip = (text: string, max: number) => [...text].slice(0, max).join('');
/** Tokens are refreshed this long before they expire. */
const EARLY_REFRESH_MS = 60_000;

/**
 * ALLOCATION_DRIVER=ita: asks the Tax Authority's allocation API (v1, as
 * published for software houses) with the business's OAuth2 bearer token,
 * refreshing it with the refresh grant when it has expired (or is answered
 * 401). An error answer (4xx, or a Status other than 200) is a refusal with the
 * Authority's code and message; no answer, a timeout or a 5xx is
 * AllocationUnavailableError.
 */
export class ItaAllocationProvider implements AllocationProvider {
  readonly driver = 'ita';
  readonly automatic = true;
  private readonly base: string;
  private readonly timeoutMs: number;

  constructor(private readonly settings: ItaSettings) {
    this.base = settings.apiUrl.replace(/\/+$/, '');
    this.timeoutMs = settings.timeoutMs ?? 15_000;
  }

  async request(req: AllocationRequest, credentials: AllocationCredentials | null): Promise<AllocationResult> {
    if (!credentials)
      return {
        outcome: { kind: 'refused', code: 'not_connected', message: 'The business has not authorised ChatGrow at the Tax Authority' },
      };
    let creds = credentials;
    let refreshed: AllocationCredentials | undefined;
    const refresh = async (): Promise<boolean> => {
      const next = creds.refreshToken ? await this.refresh(creds.refreshToken) : null;
      if (!next) return false;
      creds = refreshed = next;
      return true;
    };
    if (creds.expiresAt && creds.expiresAt.getTime() - EARLY_REFRESH_MS < Date.now()) await refresh();
    let res = await this.post(req, creds.accessToken);
    if (res.status === 401 && !refreshed && (await refresh())) res = await this.post(req, creds.accessToken);
    const answer = await this.read(res);
    const status = Number(answer.Status ?? res.status);
    const number =
      answer.Confirmation_Number === null || answer.Confirmation_Number === undefined ? '' : String(answer.Confirmation_Number);
    if (res.ok && (status === 200 || Number.isNaN(status)) && /^\d+$/.test(number))
      return { outcome: { kind: 'approved', confirmationNumber: number }, refreshed };
    if (res.status >= 500) throw new AllocationUnavailableError(`Tax Authority answered ${res.status}: ${answer.Message ?? ''}`.trim());
    const code = String(Number.isNaN(status) || status === 200 ? res.status : status);
    const message =
      answer.Message?.trim() ||
      (res.status === 401 ? 'The authorisation at the Tax Authority expired or is invalid' : `HTTP ${res.status}`);
    return { outcome: { kind: 'refused', code, message }, refreshed };
  }

  private body(req: AllocationRequest): Record<string, unknown> {
    return {
      Invoice_ID: String(req.documentNumber),
      Invoice_Type: req.documentType,
      Vat_Number: Number(req.vatNumber),
      Union_Vat_Number: 0,
      Invoice_Reference_Number: String(req.documentNumber),
      Customer_VAT_Number: Number(req.customerVatNumber),
      Customer_Name: clip(req.customerName, 25),
      Invoice_Date: req.documentDate,
      Invoice_Issuance_Date: req.documentDate,
      Branch_ID: '',
      Accounting_Software_Number: Number(this.settings.softwareNumber),
      Client_Software_Key: req.documentId,
      Amount_Before_Discount: shekels(req.amountBeforeDiscountAgorot),
      Discount: shekels(req.discountAgorot),
      Payment_Amount: shekels(req.netAgorot),
      VAT_Amount: shekels(req.vatAgorot),
      Payment_Amount_Including_VAT: shekels(req.totalAgorot),
      Invoice_Note: req.remarks ? clip(req.remarks, 200) : '',
      Action: 0,
      Items: req.items.map((item, i) => ({
        Index: i + 1,
        Catalog_ID: '',
        Category: 0,
        Description: clip(item.description, 30),
        Measure_Unit_Description: '',
        Quantity: Number(item.quantity),
        Price_Per_Unit: shekels(item.unitPriceAgorot),
        Discount: shekels(item.discountAgorot),
        Total_Amount: shekels(item.totalAgorot),
        VAT_Rate: req.vatRateBp / 100,
        VAT_Amount: shekels(item.vatAgorot),
      })),
    };
  }

  private async post(req: AllocationRequest, token: string): Promise<Response> {
    try {
      return await fetch(`${this.base}/Invoices/v1/Approval`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(this.body(req)),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new AllocationUnavailableError(`Tax Authority unreachable: ${(err as Error).message}`);
    }
  }

  private async read(res: Response): Promise<ItaAnswer> {
    const text = await res.text().catch(() => '');
    try {
      const parsed = JSON.parse(text) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as ItaAnswer) : {};
    } catch {
      return { Message: text.slice(0, 300) || undefined };
    }
  }

  /** The refresh grant; null when the Authority refuses it (the business must authorise again). */
  private async refresh(refreshToken: string): Promise<AllocationCredentials | null> {
    let res: Response;
    try {
      res = await fetch(this.settings.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          client_id: this.settings.clientId,
          client_secret: this.settings.clientSecret,
        }).toString(),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new AllocationUnavailableError(`Tax Authority token endpoint unreachable: ${(err as Error).message}`);
    }
    if (res.status >= 500) throw new AllocationUnavailableError(`Tax Authority token endpoint answered ${res.status}`);
    if (!res.ok) return null;
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; refresh_token?: string; expires_in?: number };
    if (!body.access_token) return null;
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token ?? refreshToken,
      expiresAt: typeof body.expires_in === 'number' ? new Date(Date.now() + body.expires_in * 1000) : null,
    };
  }
}
