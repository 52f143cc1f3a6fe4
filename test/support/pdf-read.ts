import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Reading PDFs back with poppler (`poppler-utils`: pdftotext, pdfinfo,
 * pdftoppm; `.ci/run` installs it). Two views of the same page:
 *  - `pdfText`: pdftotext's own reading (it applies its own bidi heuristics),
 *    good for "this text is on the page, in logical order";
 *  - `pdfVisualLines`: the words where the glyphs physically are, left to
 *    right, each word's characters in drawing order (a Hebrew word drawn
 *    right to left comes out reversed). That is what the eye sees, with no
 *    heuristics: assert mixed-direction order on this.
 */

/** Where tests leave PDFs and PNGs for a person to look at (git-ignored). */
export const TEST_OUTPUT = resolve(__dirname, '../../../test-output');

/** Writes `pdf` under test-output/<folder>/<name>.pdf and returns the path. */
export function savePdf(pdf: Buffer, folder: string, name: string): string {
  const dir = join(TEST_OUTPUT, folder);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

/** Renders page 1 at 80 dpi to `<pdf path without .pdf>.png` (pdftoppm) and returns the PNG path. */
export function pageOnePng(pdfPath: string): string {
  const prefix = pdfPath.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, prefix]);
  return `${prefix}.png`;
}

/** Bidi embedding/isolate controls pdftotext puts around runs in its output. */
const CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** pdftotext's text of the file (all pages, or one), controls removed, NBSP as space. */
export function pdfText(pdfPath: string, opts: { mode?: 'layout' | 'raw'; page?: number } = {}): string {
  const args = [opts.mode === 'raw' ? '-raw' : '-layout', '-enc', 'UTF-8'];
  if (opts.page) args.push('-f', String(opts.page), '-l', String(opts.page));
  const out = execFileSync('pdftotext', [...args, pdfPath, '-'], { encoding: 'utf8' });
  return out.replace(CONTROLS, '').replace(/\u00a0/g, ' ');
}

export function pdfPageCount(pdfPath: string): number {
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo gave no page count:\n${info}`);
  return Number(m[1]);
}

export interface VisualLine {
  page: number;
  y: number;
  /** Words left to right, as drawn. */
  words: Array<{ x: number; xMax: number; text: string }>;
  /** The words joined by single spaces. */
  text: string;
}

const unescape = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every line of text on every page as physically drawn, top to bottom, words left to right. */
export function pdfVisualLines(pdfPath: string): VisualLine[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  const lines: VisualLine[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page\b|<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0] === '<page') {
      page++;
      continue;
    }
    const x = Number(m[1]);
    // Words of one drawn line share their baseline; bboxes of different sizes differ in top, so group on the bottom.
    const y = Number(m[3]);
    const text = unescape(m[4]).replace(/\u00a0/g, ' ');
    let line = lines.find((l) => l.page === page && Math.abs(l.y - y) < 2.5);
    if (!line) {
      line = { page, y, words: [], text: '' };
      lines.push(line);
    }
    line.words.push({ x, xMax: Number(m[2]), text });
  }
  for (const l of lines) {
    l.words.sort((a, b) => a.x - b.x);
    l.text = l.words.map((w) => w.text).join(' ');
  }
  return lines.sort((a, b) => a.page - b.page || a.y - b.y);
}

/** A string's characters in reverse: how a right-to-left word reads in drawing order. */
export function rev(s: string): string {
  return Array.from(s).reverse().join('');
}
