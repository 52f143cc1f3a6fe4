import { performance } from 'node:perf_hooks';
import { bareOnePagePdf } from './invoice-pdf';

/**
 * The baseline of `bench:invoices`, in a process of its own: a bare PDFKit
 * one-page A4 document with the same font (Heebo, registered from its bytes,
 * as PDFKit is usually called; bench/invoice-pdf.ts), rendered N times.
 * Prints `{ p50, p99, mean }` in ms as JSON.
 */
const N = Number(process.argv[2] ?? 200);

async function main(): Promise<void> {
  for (let i = 0; i < 20; i++) await bareOnePagePdf('bytes');
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    await bareOnePagePdf('bytes');
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
  process.stdout.write(JSON.stringify({ p50: at(50), p99: at(99), mean: times.reduce((s, t) => s + t, 0) / times.length }) + '\n');
}

void main();
