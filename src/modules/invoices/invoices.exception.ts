import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/problem/app.exception';

/** A document that the rules do not allow as asked (422), naming the rule; `field` points at the input. */
export class InvoiceRuleException extends AppException {
  constructor(code: string, message: string, field?: string) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, `invoice.${code}`, message, field ? [{ field, message }] : undefined);
  }
}

/** Documents print the issuer's tax id: none is set. */
export class IssuerIncompleteException extends InvoiceRuleException {
  constructor() {
    super(
      'issuer_incomplete',
      "Documents print the business's ח.פ / ע.מ: set taxId in the document settings (PATCH /api/invoices/settings) or the business profile first",
    );
  }
}

/** Israel Invoices: the document needs an allocation number and none was given (manual driver). */
export class AllocationRequiredException extends InvoiceRuleException {
  constructor(thresholdAgorot: number, since: string) {
    const shekels = (thresholdAgorot / 100).toLocaleString('en-US');
    super(
      'allocation_required',
      `Israel Invoices (חשבוניות ישראל): a tax invoice to a business customer above ${shekels} ₪ before VAT (the threshold since ${since}) needs an allocation number (מספר הקצאה): send allocationNumber`,
      'allocationNumber',
    );
  }
}

/** The Tax Authority refused the allocation number: nothing was issued. */
export class AllocationRefusedException extends AppException {
  constructor(code: string, message: string) {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'invoice.allocation_refused',
      `The Tax Authority refused an allocation number (${code}: ${message}); the document was not issued`,
    );
  }
}

/** The Tax Authority could not be reached: nothing was issued; try again. */
export class AllocationUnavailableException extends AppException {
  constructor(detail: string) {
    super(
      HttpStatus.SERVICE_UNAVAILABLE,
      'invoice.allocation_unavailable',
      `The Tax Authority could not be reached for an allocation number; the document was not issued (${detail})`,
      undefined,
      { 'Retry-After': '30' },
    );
  }
}

export class SeriesInUseException extends AppException {
  constructor(series: string) {
    super(
      HttpStatus.CONFLICT,
      'invoice.series_in_use',
      `Documents of type ${series} were already issued: the numbering continues and its start can no longer change`,
      [{ field: `startingNumbers.${series}`, message: 'the series is in use' }],
    );
  }
}
