import { escapeHtml } from '../../../../common/text/html';
import { SANDBOX_CARDS } from './sandbox-cards';
import type { SandboxTransaction } from './sandbox-transaction.entity';

const shekels = (agorot: number) => `₪${(agorot / 100).toLocaleString('he-IL', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const layout = (title: string, body: string) => `<!doctype html>
<html lang="he" dir="rtl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,Arial,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}button{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem}.note{color:#555;font-size:.9rem}</style>
</head>
<body>${body}</body>
</html>`;

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
