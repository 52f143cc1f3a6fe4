import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as fontkit from 'fontkit';
import { withGlyphDataCache, withLayoutCache } from './invoice-fonts';

const HEEBO = require.resolve('@expo-google-fonts/heebo/400Regular/Heebo_400Regular.ttf');

const snapshot = (run: fontkit.GlyphRun): unknown => ({
  glyphs: run.glyphs.map((g) => g.id),
  positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
  advanceWidth: run.advanceWidth,
});

describe('withLayoutCache', () => {
  it('lays out exactly as fontkit does, and a caller scaling the positions (as PDFKit does) does not corrupt the cache', () => {
    const bytes = readFileSync(HEEBO);
    const plain = fontkit.create(bytes);
    const cached = withLayoutCache(fontkit.create(bytes));
    for (const [text, features] of [
      ['תספורת + צבע ', ['kern']],
      ['Wella Koleston 7/1', undefined],
      ['סה"כ לתשלום', ['kern']],
      ['₪120 × 2', undefined],
    ] as Array<[string, string[] | undefined]>) {
      const expected = snapshot(plain.layout(text, features));
      for (let i = 0; i < 3; i++) {
        const run = cached.layout(text, features);
        assert.deepEqual(snapshot(run), expected, `${text} (call ${i + 1})`);
        for (const p of run.positions) p.xAdvance *= 0.012;
      }
    }
    // Hebrew laid out with features comes back reversed (fontkit's RTL run), as without the cache.
    assert.deepEqual(snapshot(cached.layout('שלום', ['kern'])), snapshot(plain.layout('שלום', ['kern'])));
  });
});

describe('withGlyphDataCache', () => {
  it('subsets to the same bytes as fontkit does, document after document (composite glyphs included)', () => {
    const bytes = readFileSync(HEEBO);
    const plain = fontkit.create(bytes);
    const cached = withGlyphDataCache(fontkit.create(bytes));
    const subset = (font: fontkit.Font, text: string): Buffer => {
      const s = font.createSubset();
      for (const glyph of font.layout(text).glyphs) s.includeGlyph(glyph.id);
      return Buffer.from(s.encode());
    };
    // Accented Latin letters are composites in Heebo (a base glyph and a mark): their components are copied too.
    type Parsed = { numberOfContours: number } | null;
    const composite = (font: fontkit.Font) =>
      [...'éüçñ'].some((c) => {
        const parsed = (font.glyphForCodePoint(c.codePointAt(0)!) as unknown as { _decode(): Parsed })._decode();
        return parsed !== null && parsed.numberOfContours < 0;
      });
    assert.ok(composite(plain), 'the text has a composite glyph');
    for (const text of ['חשבונית מס קבלה 123', 'Café Müller, ₪120 × 2', 'חשבונית מס קבלה 124 éüçñ']) {
      const expected = subset(plain, text);
      for (let i = 0; i < 3; i++) assert.ok(subset(cached, text).equals(expected), `${text} (subset ${i + 1})`);
    }
  });
});
