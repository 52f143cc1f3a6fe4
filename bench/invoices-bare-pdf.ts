import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';

/**
 * The baseline of `bench:invoices`, in a process of its own: a bare PDFKit
 * one-page A4 document with the same font (Heebo regular and bold, from the
 * same npm package), a title, a dozen Hebrew lines and a total, rendered to a
 * buffer N times. Prints `{ p50, p99, mean }` in ms as JSON.
 */
const N = Number(process.argv[2] ?? 200);
const regular = readFileSync(require.resolve('@expo-google-fonts/heebo/400Regular/Heebo_400Regular.ttf'));
const bold = readFileSync(require.resolve('@expo-google-fonts/heebo/700Bold/Heebo_700Bold.ttf'));

function render(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 40 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('r', regular);
    doc.registerFont('b', bold);
    doc
      .font('b')
      .fontSize(18)
      .text('חשבונית מס קבלה 1', { align: 'right', features: ['rtla'] });
    doc.font('r').fontSize(10);
    for (const line of [
      'סטודיו דנה בע״מ',
      'עוסק מורשה 515555555',
      'רחוב הרצל 1, תל אביב',
      'לכבוד: נועה כהן',
      'תספורת + צבע',
      'Wella Koleston 7/1',
    ])
      doc.text(line, { align: 'right', features: ['rtla'] });
    for (let i = 0; i < 6; i++) doc.text(`שורה ${i + 1}: 120.00 ₪`, { align: 'right', features: ['rtla'] });
    doc
      .font('b')
      .fontSize(12)
      .text('סה״כ לתשלום 330.40 ₪', { align: 'right', features: ['rtla'] });
    doc.end();
  });
}

async function main(): Promise<void> {
  for (let i = 0; i < 20; i++) await render();
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    await render();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
  process.stdout.write(JSON.stringify({ p50: at(50), p99: at(99), mean: times.reduce((s, t) => s + t, 0) / times.length }) + '\n');
}

void main();
