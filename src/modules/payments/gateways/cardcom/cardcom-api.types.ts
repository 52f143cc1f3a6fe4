/**
 * The parts of Cardcom's API v11 (OpenAPI "Cardcom API 11.0") this driver sends
 * and reads. Field names are Cardcom's, including its spellings (`TranzactionId`,
 * `TranzactionInfo`). Every call is a JSON POST with the credentials in the body.
 */

export const CARDCOM_PATHS = {
  createPage: '/api/v11/LowProfile/Create',
  pageResult: '/api/v11/LowProfile/GetLpResult',
  refund: '/api/v11/Transactions/RefundByTransactionId',
  listTransactions: '/api/v11/Transactions/ListTransactions',
} as const;

/** Every answer carries these: 0 is success, anything else is Cardcom's refusal (400/401 bodies are only these, `ErrorInfo`). */
export interface CardcomAnswer {
  ResponseCode: number;
  Description?: string | null;
}

/** `CreateLowProfile`: the hosted page. */
export interface CardcomCreatePageRequest {
  TerminalNumber: number;
  ApiName: string;
  Operation: 'ChargeOnly';
  /** Our payment id, echoed back in the webhook and GetLpResult. */
  ReturnValue: string;
  /** Shekels, two decimals. */
  Amount: number;
  SuccessRedirectUrl: string;
  FailedRedirectUrl: string;
  CancelRedirectUrl: string;
  WebHookUrl: string;
  ProductName: string;
  Language: 'he';
  /** 1 ILS, 2 USD, else the ISO 4217 number. */
  ISOCoinId: number;
  UIDefinition?: {
    CardOwnerNameValue?: string;
    CardOwnerEmailValue?: string;
    CardOwnerPhoneValue?: string;
  };
  AdvancedDefinition?: { MinNumOfPayments: number; MaxNumOfPayments: number };
  Document: {
    Name: string;
    /** Show the line to the payer and create NO document (we issue our own). */
    IsShowOnlyDocument: true;
    IsSendByEmail: false;
    Products: { Description: string; Quantity: number; UnitCost: number; TotalLineCost: number }[];
  };
}

/** `CreateLowProfileResponse`. */
export interface CardcomCreatePageAnswer extends CardcomAnswer {
  LowProfileId?: string | null;
  Url?: string | null;
}

/** `GetLowProfileResult`. */
export interface CardcomPageResultRequest {
  TerminalNumber: number;
  ApiName: string;
  LowProfileId: string;
}

/** `TransactionInfo` (as `TranzactionInfo` of a page's result): only what the driver reads. */
export interface CardcomTransactionInfo {
  /** 0 = charged (700/701 are J2/J5 checks, which charge nothing). */
  ResponseCode?: number;
  Description?: string | null;
  TranzactionId?: number;
  Amount?: number;
  CoinId?: number;
  ApprovalNumber?: string | null;
}

/** `LowProfileResult`: GetLpResult's answer and the webhook's body. */
export interface CardcomPageResult extends CardcomAnswer {
  TerminalNumber?: number;
  LowProfileId?: string;
  TranzactionId?: number;
  ReturnValue?: string | null;
  Operation?: string | null;
  TranzactionInfo?: CardcomTransactionInfo | null;
}

/** `RefundByTransactionIdReq` (no TerminalNumber: the API user names the company). */
export interface CardcomRefundRequest {
  ApiName: string;
  ApiPassword: string;
  TransactionId: number;
  /** Omitted for a full refund. */
  PartialSum?: number;
  CancelOnly: false;
  AllowMultipleRefunds?: true;
}

/** `RefundByTransactionIdResp`. */
export interface CardcomRefundAnswer extends CardcomAnswer {
  NewTranzactionId?: number | null;
}

/** `ListTransactionsReq`: the credentials check. */
export interface CardcomListTransactionsRequest {
  ApiName: string;
  ApiPassword: string;
  /** DDMMYYYY. */
  FromDate: string;
  ToDate: string;
  Page: number;
  /** 10–2000. */
  Page_size: number;
  LimitForTerminal: number;
}

/** Cardcom's GUIDs (LowProfileId). */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
