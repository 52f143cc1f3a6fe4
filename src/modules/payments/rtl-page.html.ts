import { escapeHtml } from '../../common/text/html';

/** Agorot as the page shows them: ₪1,234.50. */
export const pageShekels = (agorot: number) =>
  `₪${(agorot / 100).toLocaleString('he-IL', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** A plain Hebrew, right-to-left page (the payer's pages: the sandbox gateway's, the return page). `body` is trusted HTML. */
export const rtlPage = (title: string, body: string, head = '') => `<!doctype html>
<html lang="he" dir="rtl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>${head}
<style>body{font-family:system-ui,Arial,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}button{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem}.note{color:#555;font-size:.9rem}</style>
</head>
<body>${body}</body>
</html>`;
