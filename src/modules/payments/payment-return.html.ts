import { escapeHtml } from '../../common/text/html';
import { PaymentStatus } from './entities/payment.entity';
import { pageShekels, rtlPage } from './rtl-page.html';

export interface ReturnedPayment {
  status: PaymentStatus;
  amountAgorot: number;
  description: string;
}

/**
 * Where a payer lands after the gateway's page when the business gave no
 * success/failure URL of its own. It shows what we know, not what the browser
 * was told: the redirect is no proof of payment, the verified status is; while
 * the gateway's answer is being checked the page looks again every 3 seconds.
 */
export function paymentReturnPage(p: ReturnedPayment): string {
  const what = `<p>${escapeHtml(p.description)} · <strong dir="ltr">${pageShekels(p.amountAgorot)}</strong></p>`;
  switch (p.status) {
    case PaymentStatus.paid:
    case PaymentStatus.partially_refunded:
    case PaymentStatus.refunded:
      return rtlPage('התשלום התקבל', `<h1>התשלום התקבל, תודה!</h1>${what}<p>הקבלה תישלח אליך בדוא"ל.</p>`);
    case PaymentStatus.pending:
      return rtlPage(
        'התשלום בבדיקה',
        `<h1>התשלום בבדיקה</h1>${what}<p>אנחנו מאמתים את התשלום מול חברת הסליקה. העמוד יתעדכן מעצמו.</p>`,
        '<meta http-equiv="refresh" content="3">',
      );
    default:
      return rtlPage('התשלום לא הושלם', `<h1>התשלום לא הושלם</h1>${what}<p>לא בוצע חיוב. אפשר לפנות לבית העסק לקבלת קישור חדש.</p>`);
  }
}
