/** The slice of fontkit (PDFKit's font engine) this project uses: parse a font once, hand it to PDFKit. */
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    layout(text: string, features?: string[]): { advanceWidth: number };
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
