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
  return withGlyphDataCache(withLayoutCache(font)) as unknown as InvoiceFont;
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

/** fontkit's TrueType glyph, with the (private) parse of its `glyf` record. */
interface DecodableGlyph {
  _decode?: () => unknown;
}

/**
 * Parses each glyph's outline once per process. Every document embeds a
 * subset of the font, and fontkit's subsetter re-parses the full outline of
 * each glyph it copies only to learn whether it is a composite (to copy its
 * components too): with a shared font that is the same parse, document after
 * document, about a fifth of a rendering. The glyph objects are fontkit's own
 * (it keeps one per glyph id on the font); the parse is kept on each, and it
 * is read-only but for a variable font's variation processing, which Heebo's
 * static instances do not have (a variable font is left as it is).
 */
export function withGlyphDataCache(font: fontkit.Font): fontkit.Font {
  if ((font as unknown as { _variationProcessor?: unknown })._variationProcessor) return font;
  const getGlyph = font.getGlyph.bind(font);
  const done = new WeakSet<object>();
  font.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && !done.has(glyph)) {
      done.add(glyph);
      const g = glyph as unknown as DecodableGlyph;
      const decode = g._decode?.bind(glyph);
      if (decode) {
        let parsed: { value: unknown } | undefined;
        g._decode = () => (parsed ??= { value: decode() }).value;
      }
    }
    return glyph;
  };
  return font;
}

function copyRun(run: fontkit.GlyphRun): fontkit.GlyphRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as fontkit.GlyphRun, run);
  copy.glyphs = run.glyphs.slice();
  copy.positions = run.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p) as object) as fontkit.GlyphPosition, p));
  return copy;
}
