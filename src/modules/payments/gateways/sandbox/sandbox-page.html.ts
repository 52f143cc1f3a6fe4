import { escapeHtml } from '../../../../common/text/html';
import { pageShekels as shekels, rtlPage as layout } from '../../rtl-page.html';
import { SANDBOX_CARDS } from './sandbox-cards';
import type { SandboxTransaction } from './sandbox-transaction.entity';

/** The sandbox's hosted payment page: Hebrew, right to left, plain HTML, a card form. */
export function sandboxPayPage(tx: SandboxTransaction): string {
  if (tx.status !== 'open') {
    return layout('התשלום הסתיים', `<h1>התשלום כבר ${tx.status === 'approved' ? 'בוצע' : 'נדחה'}</h1>`);
  }
  return layout(
    'תשלום מאובטח (סביבת בדיקה)',
    `<h1>תשלום מאובטח</h1>
<p><strong>${escapeHtml(tx.description)}</strong></p>
<p>סכום לתשלום: <strong dir="ltr">${shekels(tx.amountAgorot)}</strong>${tx.installments > 1 ? ` · עד ${tx.installments} תשלומים` : ''}</p>
<form method="post" action="/sandbox/pay/${encodeURIComponent(tx.token)}">
<label for="cardNumber">מספר כרטיס</label><input id="cardNumber" name="cardNumber" inputmode="numeric" autocomplete="cc-number" dir="ltr" required>
<label for="expiry">תוקף (MM/YY)</label><input id="expiry" name="expiry" dir="ltr" placeholder="12/30">
<label for="cvv">CVV</label><input id="cvv" name="cvv" inputmode="numeric" dir="ltr">
<button type="submit">שלם</button>
</form>
<p class="note">סביבת בדיקה: לא מתבצע חיוב אמיתי. ${SANDBOX_CARDS.approve} מאושר, ${SANDBOX_CARDS.decline} נדחה, ${SANDBOX_CARDS.insufficientFunds} אין כיסוי.</p>`,
  );
}
