import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

/** Heebo (OFL-1.1): Hebrew, Latin, digits and ₪ in one TrueType file; `npm ci` brings it. */
const REGULAR = '@expo-google-fonts/heebo/400Regular/Heebo_400Regular.ttf';
const BOLD = '@expo-google-fonts/heebo/700Bold/Heebo_700Bold.ttf';

/** A font as PDFKit's `registerFont` takes it: PDFKit accepts a parsed fontkit font in place of the bytes. */
export type InvoiceFont = PDFKit.Mixins.PDFFontSource;

export interface InvoiceFonts {
  regular: InvoiceFont;
  bold: InvoiceFont;
}

let loaded: InvoiceFonts | undefined;

/**
 * The fonts, read and parsed once per process. Parsing is most of the cost of
 * a small PDF; the parsed font is shared by every document (each document
 * still embeds its own subset), which is safe because PDFKit lays out and
 * subsets synchronously.
 */
export function invoiceFonts(): InvoiceFonts {
  loaded ??= { regular: parse(REGULAR), bold: parse(BOLD) };
  return loaded;
}

function parse(path: string): InvoiceFont {
  const font = fontkit.create(readFileSync(require.resolve(path)));
  return font as unknown as InvoiceFont;
}
