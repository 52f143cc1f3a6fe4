/**
 * Tranzila's wire shapes, as the gateways' reference (§3) describes them: the REST API
 * (JSON, HMAC headers) and the form fields of its hosted page and notify POST.
 * Answers are typed loosely (every field optional): they are read defensively.
 */

/** Every REST answer: `error_code` 0 is success; errors often come back with HTTP 200. */
export interface TranzilaApiAnswer {
  error_code?: number | string;
  message?: string;
  /** Some endpoints name it so. */
  error_message?: string;
}

/** `POST /v2/handshake/create`: locks the amount of the hosted page. */
export interface TranzilaHandshakeRequest {
  terminal_name: string;
  /** Shekels as a JSON number (not a string), exactly the page's `sum`. */
  sum: number;
}

export interface TranzilaHandshakeAnswer extends TranzilaApiAnswer {
  thtk?: string;
}

/** `POST {reports}/v1/transaction`: one transaction by its index (exclusive with a date range). */
export interface TranzilaReportRequest {
  terminal_name: string;
  transaction_index?: number;
  transaction_start_date?: string;
  transaction_end_date?: string;
}

/** A report row (the fields the driver reads; the row has many more). */
export interface TranzilaReportRow {
  index?: string | number;
  /** Shekels, as the notify's `sum` (UNCONFIRMED: one integration says agorot). */
  amount?: string | number;
  currency?: string | number;
  /** "000" approved; "shva" the card network has not answered yet. */
  processor_response_code?: string;
  authorization_number?: string;
  /** "DEBIT" for charges. */
  txn_type?: string;
  /** "A…" charges, "C<index>" credits. */
  tranmode?: string;
}

export interface TranzilaReportAnswer extends TranzilaApiAnswer {
  transactions?: TranzilaReportRow[];
  total?: number;
  rows?: number;
}

/** `POST /v1/transaction/credit_card/create` with `txn_type: "credit"`: a refund of an earlier charge. */
export interface TranzilaCreditRequest {
  terminal_name: string;
  txn_type: 'credit';
  /** The original transaction's index. */
  reference_txn_id: number;
  /** The original charge's authorisation number (ConfirmationCode). */
  authorization_number?: string;
  items: { name: string; type: 'I'; unit_price: number; units_number: number; currency_code: string }[];
}

export interface TranzilaCreditAnswer extends TranzilaApiAnswer {
  transaction_result?: {
    processor_response_code?: string;
    transaction_id?: string | number | null;
    auth_number?: string | null;
    amount?: string | number;
    txn_type?: string;
  };
}

/** The hosted page's query parameters (GET on `/{terminal}/iframenew.php`). */
export interface TranzilaPageParams {
  sum: string;
  currency: string;
  /** 1 regular, 8 installments. */
  cred_type: '1' | '8';
  /** The most installments the payer may choose (cred_type 8). */
  maxpay?: string;
  /** A: a charge. */
  tranmode: 'A';
  thtk: string;
  /** il: Hebrew (not `he`). */
  lang: 'il';
  success_url_address: string;
  fail_url_address: string;
  notify_url_address: string;
  pdesc: string;
  contact?: string;
  email?: string;
  phone?: string;
  /** Our order reference (payment id): echoed back in the notify. */
  remarks: string;
}
