import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

/** Heebo (OFL-1.1): Hebrew, Latin, digits and ₪ in one TrueType file; `npm ci` brings it. */
const REGULAR = '@expo-google-fonts/heebo/400Regular/Heebo_400Regular.ttf';
const BOLD = '@expo-google-fonts/heebo/700Bold/Heebo_700Bold.ttf';

/**
 * The names the composer draws with: the fonts' PostScript names. The regular
 * font is also the document's default font (so PDFKit does not load Helvetica
 * for every document), and PDFKit files the default font under its PostScript
 * name; registering under any other name would make PDFKit open a new font
 * object on every `font()` call.
 */
export const FONT = { regular: 'Heebo-Regular', bold: 'Heebo-Bold' } as const;

/** A font as PDFKit's `registerFont` takes it: PDFKit accepts a parsed fontkit font in place of the bytes. */
export type InvoiceFont = PDFKit.Mixins.PDFFontSource;

export interface InvoiceFonts {
  regular: InvoiceFont;
  bold: InvoiceFont;
}

let loaded: InvoiceFonts | undefined;

/**
 * The fonts, read and parsed once per process, with a layout cache. Parsing
 * and shaping are most of the cost of a small PDF; the parsed font is shared
 * by every document (each document still embeds its own subset), which is safe
 * because PDFKit lays out and subsets synchronously.
 */
export function invoiceFonts(): InvoiceFonts {
  loaded ??= { regular: load(REGULAR, FONT.regular), bold: load(BOLD, FONT.bold) };
  return loaded;
}

function load(path: string, name: string): InvoiceFont {
  const font = fontkit.create(readFileSync(require.resolve(path)));
  if (font.postscriptName !== name) throw new Error(`${path}: expected the font ${name}, found ${font.postscriptName}`);
  return withLayoutCache(font) as unknown as InvoiceFont;
}

const LAYOUT_CACHE_LIMIT = 10_000;

/**
 * Memoises `font.layout(text, features)`. PDFKit lays out every string at
 * least twice (to draw it and to advance past it), and invoices repeat their
 * labels and amounts; fontkit's shaping is the largest single cost. PDFKit
 * scales the positions of the run it gets in place, so each call returns a
 * copy: fresh position objects, the same (read-only) glyphs.
 */
export function withLayoutCache(font: fontkit.Font): fontkit.Font {
  const layout = font.layout.bind(font);
  const cache = new Map<string, fontkit.GlyphRun>();
  font.layout = (text, features, ...rest) => {
    if (rest.some((arg) => arg !== undefined) || (features !== undefined && !Array.isArray(features))) {
      return layout(text, features, ...rest);
    }
    const key = `${features ? features.join(',') : ''}\u0000${text}`;
    let run = cache.get(key);
    if (!run) {
      if (cache.size >= LAYOUT_CACHE_LIMIT) cache.clear();
      run = layout(text, features);
      cache.set(key, run);
    }
    return copyRun(run);
  };
  return font;
}

function copyRun(run: fontkit.GlyphRun): fontkit.GlyphRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as fontkit.GlyphRun, run);
  copy.glyphs = run.glyphs.slice();
  copy.positions = run.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p) as object) as fontkit.GlyphPosition, p));
  return copy;
}
