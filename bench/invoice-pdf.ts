import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { PdfKitInvoiceRenderer } from '../src/modules/invoices/pdf/pdfkit-invoice.renderer';
import { InvoicePdfView } from '../src/modules/invoices/pdf/invoice-pdf.view';
import { hebrewInvoiceView } from '../test/support/invoice-pdf-views';
import { percentile } from './support';

/**
 * The invoice PDF renderer against the floor: a bare PDFKit one-page
 * document with the same font (Heebo Regular, embedded and subset) and one
 * line of Hebrew. Two floors, because most of a small PDF's cost is the font:
 *  - `bytes`: the font registered from its bytes (PDFKit parses it for every
 *    document: the way PDFKit is usually called);
 *  - `parsed`: the font parsed once and shared (what the renderer does).
 * Run: `npm run build && node dist/bench/invoice-pdf.js` (BENCH_DOCS, BENCH_ROUNDS).
 * `bareOnePagePdf` is exported for `bench:invoices`.
 */

const HEEBO = require.resolve('@expo-google-fonts/heebo/400Regular/Heebo_400Regular.ttf');
let heeboBytes: Buffer | undefined;
let heeboParsed: unknown;

/** A one-page A4 PDF with one Hebrew line in Heebo: the least PDFKit does for a Hebrew document. */
export function bareOnePagePdf(font: 'bytes' | 'parsed' = 'bytes'): Promise<Buffer> {
  heeboBytes ??= readFileSync(HEEBO);
  if (font === 'parsed' && !heeboParsed) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    heeboParsed = (require('fontkit') as typeof import('fontkit')).create(heeboBytes);
  }
  const src = (font === 'parsed' ? heeboParsed : heeboBytes) as Buffer;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', font: src as unknown as string, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(14).text('חשבונית מס קבלה 123', 50, 50, { features: ['kern'] });
    doc.end();
  });
}

const NAMES = ['דנה כהן', 'יוסי לוי', 'מיכל אברהם', 'Sarah Levi', 'אורי בן-דוד', 'נועה פרידמן'];
const SERVICES = ['תספורת + צבע 2 × ₪120', 'Wella Koleston 7/1', 'פן', 'טיפול פנים (כולל מסכה)', 'גוונים', 'החלקה אורגנית'];

/** A different invoice each time (names, numbers, amounts), so the font's layout cache is not always warm. */
function variedView(i: number): InvoicePdfView {
  const base = hebrewInvoiceView();
  const lines = Array.from({ length: 1 + (i % 5) }, (_, k) => {
    const unit = 5000 + ((i * 7919 + k * 104729) % 90000);
    return {
      description: SERVICES[(i + k) % SERVICES.length],
      quantity: String(1 + (k % 3)),
      unitPriceAgorot: unit,
      discountAgorot: 0,
      totalAgorot: unit * (1 + (k % 3)),
    };
  });
  const subtotal = lines.reduce((s, l) => s + l.totalAgorot, 0);
  const vat = Math.round(subtotal * 0.18);
  return {
    ...base,
    number: String(1000 + i),
    customer: { ...base.customer, name: NAMES[i % NAMES.length], phone: `050-${String(1000000 + i).slice(-7)}` },
    lines,
    subtotalAgorot: subtotal,
    vat: { ratePercent: '18', amountAgorot: vat },
    totalAgorot: subtotal + vat,
    payments: [
      { description: `כרטיס אשראי Visa ****${String(1000 + (i % 9000))}, אישור ${String(100000 + i)}`, amountAgorot: subtotal + vat },
    ],
  };
}

async function measure(
  label: string,
  docs: number,
  make: (i: number) => Promise<Buffer>,
): Promise<{ label: string; p50: number; p99: number; cpu: number }> {
  for (let i = 0; i < 20; i++) await make(i);
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < docs; i++) {
    const t = performance.now();
    await make(i);
    times.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  return { label, p50: percentile(times, 50), p99: percentile(times, 99), cpu: (cpu.user + cpu.system) / 1000 / docs };
}

async function main(): Promise<void> {
  const docs = Number(process.env.BENCH_DOCS ?? 200);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const renderer = new PdfKitInvoiceRenderer();
  const same = hebrewInvoiceView();
  for (let round = 1; round <= rounds; round++) {
    const rows = [
      await measure('floor: bare page, font bytes', docs, () => bareOnePagePdf('bytes')),
      await measure('floor: bare page, font parsed once', docs, () => bareOnePagePdf('parsed')),
      await measure('invoice, same view every time', docs, () => renderer.render(same)),
      await measure('invoice, varied views', docs, (i) => renderer.render(variedView(i + round * docs))),
    ];
    console.log(`round ${round}/${rounds}, ${docs} documents each`);
    for (const r of rows) {
      console.log(
        `  ${r.label.padEnd(38)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  cpu ${r.cpu.toFixed(1).padStart(5)} ms/doc`,
      );
    }
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
