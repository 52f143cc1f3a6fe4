import bidiFactory from 'bidi-js';
import { BIDI_CONTROLS, LRI, PDI } from './invoice-format';

/**
 * Bidirectional text for PDFKit, which has no bidi of its own (see
 * shared/reference/invoices-hebrew.md, B1). Text stays in logical order up to
 * here; per line we run the Unicode Bidirectional Algorithm (bidi-js), mirror
 * brackets in right-to-left runs, cut the line into visual runs and draw them
 * left to right. Wrap first, reorder per line: never the other way round.
 */

const bidi = bidiFactory();

export type Direction = 'rtl' | 'ltr';

/** A piece of one line, in visual (left-to-right drawing) order. */
export interface VisualRun {
  /**
   * What to give the font. Right-to-left runs that contain Hebrew (or another
   * strong RTL script) stay in logical order: fontkit reverses them itself when
   * laid out with `features`. Every other run is already in visual order.
   */
  text: string;
  /** Lay out with `features` (one fontkit run that fontkit reverses once). */
  rtl: boolean;
}

/** A strong right-to-left letter: fontkit detects the run's script from it and reverses the run. */
const STRONG_RTL = /[\u0590-\u05ff\u0600-\u07bf\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * A minus sign before a number, not part of a word or a range (`-50`, `-10%`,
 * `-₪20`, not `03-1234567`): the bidi algorithm would move it to the right of
 * the digits in right-to-left text, so it is isolated with the number as one
 * left-to-right unit (LRI … PDI; the isolate marks are never drawn).
 */
const NEGATIVE_NUMBER = /(^|[^\p{L}\p{N}\p{M}\u2066])([-\u2212][₪$€£]?\d[\d,.]*%?)/gu;

export function isolateNegativeNumbers(text: string): string {
  return text.replace(NEGATIVE_NUMBER, `$1${LRI}$2${PDI}`);
}

/** The visual runs of one line (no line breaks inside), left to right, directional controls removed. */
export function visualRuns(logical: string, base: Direction): VisualRun[] {
  if (logical === '') return [];
  const line = isolateNegativeNumbers(logical);
  const embedding = bidi.getEmbeddingLevels(line, base);
  const levels = embedding.levels;
  const mirrored = bidi.getMirroredCharactersMap(line, levels);
  const order = bidi.getReorderedIndices(line, embedding);

  // Maximal stretches of equal level that are contiguous in logical order.
  const runs: VisualRun[] = [];
  let i = 0;
  while (i < order.length) {
    const level = levels[order[i]];
    const step = level % 2 === 1 ? -1 : 1;
    let j = i + 1;
    while (j < order.length && levels[order[j]] === level && order[j] === order[j - 1] + step) j++;
    const from = Math.min(order[i], order[j - 1]);
    const to = Math.max(order[i], order[j - 1]);
    let logical = '';
    for (let k = from; k <= to; k++) logical += mirrored.get(k) ?? line[k];
    logical = logical.replace(BIDI_CONTROLS, '');
    if (logical !== '') {
      if (step === 1) runs.push({ text: logical, rtl: false });
      else if (STRONG_RTL.test(logical)) runs.push({ text: logical, rtl: true });
      else runs.push({ text: Array.from(logical).reverse().join(''), rtl: false });
    }
    i = j;
  }
  return mergeAdjacent(runs);
}

function mergeAdjacent(runs: VisualRun[]): VisualRun[] {
  const out: VisualRun[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && !last.rtl && !run.rtl) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

/** The line as the eye sees it, left to right: for tests and debugging. */
export function visualString(line: string, base: Direction): string {
  return visualRuns(line, base)
    .map((r) => (r.rtl ? Array.from(r.text).reverse().join('') : r.text))
    .join('');
}

/**
 * Breaks logical text into lines no wider than `maxWidth`, at spaces; a word
 * wider than a line is cut. Newlines in the text are kept as line breaks.
 * Lines stay in logical order. `measure` gives the width of a word (no
 * spaces) and of a single space; a line's width is the sum.
 */
export function wrapLogical(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const space = measure(' ');
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/[ \t]+/).filter((w) => w !== '')) {
      const w = measure(word);
      if (line !== '' && lineWidth + space + w <= maxWidth) {
        line += ` ${word}`;
        lineWidth += space + w;
        continue;
      }
      if (line !== '') lines.push(line);
      if (w <= maxWidth) {
        line = word;
        lineWidth = w;
        continue;
      }
      line = '';
      lineWidth = 0;
      for (const ch of Array.from(word)) {
        const cw = measure(ch);
        if (line !== '' && lineWidth + cw > maxWidth) {
          lines.push(line);
          line = '';
          lineWidth = 0;
        }
        line += ch;
        lineWidth += cw;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** A small memo for pure string functions; it forgets everything when full (invoices repeat few strings). */
function memo<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

export interface TextStyle {
  /** A font name registered on the document. */
  font: string;
  size: number;
  color?: string;
}

export type Align = 'left' | 'right' | 'center';

/** The features array that makes PDFKit hand a whole run to fontkit (which then reverses an RTL run once). */
const RUN_FEATURES: PDFKit.Mixins.OpenTypeFeatures[] = ['kern'];

/**
 * The direction of a paragraph from its first strong letter (UBA rules P2/P3),
 * or `fallback` when it has none (digits and punctuation only).
 */
export function paragraphDirection(text: string, fallback: Direction): Direction {
  for (const ch of text) {
    const type = bidi.getBidiCharTypeName(ch);
    if (type === 'L') return 'ltr';
    if (type === 'R' || type === 'AL') return 'rtl';
  }
  return fallback;
}

/** A paragraph direction, or `auto`: each paragraph's own, from its first strong letter. */
export type BaseDirection = Direction | 'auto';

/** One wrapped line and the direction of the paragraph it belongs to. */
export interface WrappedLine {
  text: string;
  base: Direction;
}

/**
 * Widths at size 1, per font name, run direction and text. Shared by every
 * document: the registered fonts are the same files for the whole process.
 */
const unitWidths = new Map<string, number>();
const UNIT_WIDTHS_LIMIT = 20_000;

const runsRtl = memo(5_000, (line) => visualRuns(line, 'rtl'));
const runsLtr = memo(5_000, (line) => visualRuns(line, 'ltr'));

/**
 * Draws logical text on a PDFKit document with the bidi algorithm. `base` is
 * the document's paragraph direction; a call may pass `auto` for text typed by
 * users (a Hebrew name in an English document). Font names must stand for the
 * same font files in every document (widths are cached per name).
 */
export class BidiTextWriter {
  private font = '';
  private size = 0;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    readonly base: Direction,
  ) {}

  private use(style: TextStyle): void {
    this.font = style.font;
    this.size = style.size;
    this.doc.font(style.font).fontSize(style.size);
    this.doc.fillColor(style.color ?? '#000000');
  }

  private resolve(text: string, base: BaseDirection): Direction {
    return base === 'auto' ? paragraphDirection(text, this.base) : base;
  }

  /** Width of a string in the current font, laid out as one run (`rtl`) or word by word. */
  private measure(text: string, rtl: boolean): number {
    const key = `${this.font}|${rtl ? 1 : 0}|${text}`;
    let unit = unitWidths.get(key);
    if (unit === undefined) {
      if (unitWidths.size >= UNIT_WIDTHS_LIMIT) unitWidths.clear();
      this.doc.fontSize(1000);
      unit = this.doc.widthOfString(text, rtl ? { features: RUN_FEATURES } : {}) / 1000;
      this.doc.fontSize(this.size);
      unitWidths.set(key, unit);
    }
    return unit * this.size;
  }

  /** Width of one line as drawn. */
  width(line: string, style: TextStyle, base: BaseDirection = this.base): number {
    this.use(style);
    const runs = this.resolve(line, base) === 'rtl' ? runsRtl(line) : runsLtr(line);
    return runs.reduce((sum, run) => sum + this.measure(run.text, run.rtl), 0);
  }

  /** Lines of `text` that fit `width`, in logical order, each with its paragraph's direction. */
  wrap(text: string, width: number, style: TextStyle, base: BaseDirection = this.base): WrappedLine[] {
    this.use(style);
    const measure = (s: string): number => this.measure(s.replace(BIDI_CONTROLS, ''), false);
    return text.split(/\r\n|\r|\n/).flatMap((paragraph) => {
      const dir = this.resolve(paragraph, base);
      return wrapLogical(paragraph, width, measure).map((line) => ({ text: line, base: dir }));
    });
  }

  /** Draws one line with its top at `y`, aligned in the box [x, x + width]. Returns the drawn width. */
  line(line: string, x: number, y: number, width: number, align: Align, style: TextStyle, base: BaseDirection = this.base): number {
    this.use(style);
    const runs = this.resolve(line, base) === 'rtl' ? runsRtl(line) : runsLtr(line);
    const widths = runs.map((run) => this.measure(run.text, run.rtl));
    const total = widths.reduce((a, b) => a + b, 0);
    let cursor = align === 'left' ? x : align === 'right' ? x + width - total : x + (width - total) / 2;
    runs.forEach((run, k) => {
      // textWidth (an option PDFKit's own line wrapper passes) spares PDFKit a second layout just to measure.
      const options: PDFKit.Mixins.TextOptions & { textWidth: number } = { lineBreak: false, textWidth: widths[k] };
      if (run.rtl) options.features = RUN_FEATURES;
      this.doc.text(run.text, cursor, y, options);
      cursor += widths[k];
    });
    return total;
  }

  /** Wraps and draws `text` from `y`; returns the y below the last line. */
  paragraph(
    text: string,
    x: number,
    y: number,
    width: number,
    align: Align,
    style: TextStyle,
    lineHeight = style.size * 1.35,
    base: BaseDirection = this.base,
  ): number {
    for (const l of this.wrap(text, width, style, base)) {
      this.line(l.text, x, y, width, align, style, l.base);
      y += lineHeight;
    }
    return y;
  }
}
