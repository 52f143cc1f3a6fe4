/** The slice of fontkit (PDFKit's font engine) this project uses: parse a font once, hand it to PDFKit. */
declare module 'fontkit' {
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface Glyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
  }
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
    readonly advanceWidth: number;
  }
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    layout(text: string, features?: string[] | Record<string, boolean>, ...rest: unknown[]): GlyphRun;
    /** The glyph object of an id: fontkit makes one per id and keeps it on the font. */
    getGlyph(id: number, codePoints?: number[]): Glyph | null;
    glyphForCodePoint(codePoint: number): Glyph;
    /** What PDFKit embeds: the glyphs a document uses, as a font file of their own. */
    createSubset(): Subset;
  }
  export interface Subset {
    includeGlyph(glyph: number | Glyph): number;
    encode(): Uint8Array;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
