import { FONT } from './invoice-fonts';
import { formatDate, formatMoney } from './invoice-format';
import { INVOICE_PDF_LABELS, InvoicePdfLabels } from './invoice-pdf.labels';
import { InvoicePdfView } from './invoice-pdf.view';
import { Align, BaseDirection, BidiTextWriter, TextStyle, WrappedLine } from './rtl-text';

/** A4 in points. */
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN = 40;
const CONTENT_W = PAGE_W - 2 * MARGIN;
/** Content stops here; the footer and the page number live below. */
const CONTENT_BOTTOM = PAGE_H - 64;

const INK = '#111111';
const MUTED = '#555555';
const RULE = '#b8b8b8';
const HEADER_FILL = '#eeeeee';

const CELL_PAD_X = 5;
const CELL_PAD_Y = 4;
/** Height of the title line that opens every page after the first. */
const CONTINUATION_HEADER_H = 42;

type Side = 'start' | 'end' | 'center';

interface Column {
  key: 'description' | 'quantity' | 'unitPrice' | 'discount' | 'lineTotal';
  width: number;
  numeric: boolean;
}

/** Table columns in reading order: the first is rightmost in Hebrew, leftmost in English. */
const NUMERIC_W = { quantity: 50, unitPrice: 88, discount: 78, lineTotal: 92 };
const COLUMNS: Column[] = [
  {
    key: 'description',
    width: CONTENT_W - NUMERIC_W.quantity - NUMERIC_W.unitPrice - NUMERIC_W.discount - NUMERIC_W.lineTotal,
    numeric: false,
  },
  { key: 'quantity', width: NUMERIC_W.quantity, numeric: true },
  { key: 'unitPrice', width: NUMERIC_W.unitPrice, numeric: true },
  { key: 'discount', width: NUMERIC_W.discount, numeric: true },
  { key: 'lineTotal', width: NUMERIC_W.lineTotal, numeric: true },
];
const TOTAL_COL_OFFSET = CONTENT_W - NUMERIC_W.lineTotal;
/** The totals block: a label column beside the line-total column. */
const TOTALS_LABEL_W = 130;
const TOTALS_START = TOTAL_COL_OFFSET - TOTALS_LABEL_W;

const style = {
  body: { font: FONT.regular, size: 9.5, color: INK },
  muted: { font: FONT.regular, size: 9, color: MUTED },
  small: { font: FONT.regular, size: 8, color: MUTED },
  cell: { font: FONT.regular, size: 9.5, color: INK },
  head: { font: FONT.bold, size: 9.5, color: INK },
  strong: { font: FONT.bold, size: 10.5, color: INK },
  issuer: { font: FONT.bold, size: 15, color: INK },
  title: { font: FONT.bold, size: 18, color: INK },
  customer: { font: FONT.bold, size: 12, color: INK },
  total: { font: FONT.bold, size: 11.5, color: INK },
  mark: { font: FONT.bold, size: 20, color: INK },
  markSmall: { font: FONT.bold, size: 11, color: INK },
} satisfies Record<string, TextStyle>;

const lineHeight = (s: TextStyle): number => s.size * 1.4;

/**
 * Draws one invoice view on a PDFKit document. Positions are written in
 * reading order ("offset from the start side of the content box"); the
 * locale decides whether the start side is the right (he) or the left (en).
 * All text goes through the bidi writer, whatever the layout direction.
 */
export class InvoicePdfComposer {
  private readonly labels: InvoicePdfLabels;
  private readonly rtl: boolean;
  private readonly writer: BidiTextWriter;
  /**
   * Direction for text the business or its customer typed: the document's in
   * Hebrew; in English each paragraph's own, so a Hebrew name or description
   * in an English document still reads right to left.
   */
  private readonly typed: BaseDirection;
  private y = MARGIN;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly view: InvoicePdfView,
  ) {
    this.labels = INVOICE_PDF_LABELS[view.locale];
    this.rtl = view.locale === 'he';
    this.writer = new BidiTextWriter(doc, this.rtl ? 'rtl' : 'ltr');
    this.typed = this.rtl ? 'rtl' : 'auto';
  }

  compose(): void {
    this.issuerBlock();
    this.titleBlock();
    this.customerBlock();
    this.linesTable();
    this.totalsBlock();
    this.paymentsBlock();
    this.remarksBlock();
    this.pageFurniture();
  }

  // ---- geometry -------------------------------------------------------------

  /** The page x of a box that starts `offset` points from the start side of the content box. */
  private x(offset: number, width: number): number {
    return this.rtl ? PAGE_W - MARGIN - offset - width : MARGIN + offset;
  }

  private align(side: Side): Align {
    if (side === 'center') return 'center';
    return (side === 'start') === this.rtl ? 'right' : 'left';
  }

  private text(line: string, offset: number, y: number, width: number, side: Side, s: TextStyle, base?: BaseDirection): void {
    this.writer.line(line, this.x(offset, width), y, width, this.align(side), s, base);
  }

  /** One line that must not spill out of its box (amounts, the mark): drawn smaller when it is too wide. */
  private fitText(line: string, offset: number, y: number, width: number, side: Side, s: TextStyle, base?: BaseDirection): void {
    const natural = this.writer.width(line, s, base);
    if (natural <= width) return this.text(line, offset, y, width, side, s, base);
    const size = Math.max(5, (s.size * width) / natural);
    this.text(line, offset, y + (s.size - size) * 0.8, width, side, { ...s, size }, base);
  }

  private paragraph(text: string, offset: number, y: number, width: number, side: Side, s: TextStyle, base?: BaseDirection): number {
    return this.writer.paragraph(text, this.x(offset, width), y, width, this.align(side), s, lineHeight(s), base);
  }

  private rule(y: number, color = RULE, width = 0.75): void {
    this.doc
      .save()
      .moveTo(MARGIN, y)
      .lineTo(PAGE_W - MARGIN, y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke()
      .restore();
  }

  /** Starts a new page when `height` does not fit on this one; returns true if it did. */
  private ensure(height: number): boolean {
    if (this.y + height <= CONTENT_BOTTOM) return false;
    this.doc.addPage();
    this.y = MARGIN;
    this.continuationHeader();
    return true;
  }

  private money(minor: number): string {
    return formatMoney(minor, this.view.currency, this.view.locale);
  }

  private get markText(): string {
    return this.view.mark === 'original' ? this.labels.original : this.labels.copy;
  }

  private get titleText(): string {
    return `${this.view.title} ${this.labels.numberPrefix}${this.view.number}`;
  }

  // ---- blocks ---------------------------------------------------------------

  private markBox(y: number, width: number, height: number, s: TextStyle): void {
    const x = this.x(CONTENT_W - width, width);
    this.doc
      .save()
      .roundedRect(x, y, width, height, 4)
      .lineWidth(this.view.mark === 'original' ? 2 : 1.25)
      .strokeColor(INK)
      .stroke()
      .restore();
    this.fitText(this.markText, CONTENT_W - width, y + (height - s.size * 1.2) / 2, width, 'center', s);
  }

  private issuerBlock(): void {
    const { issuer } = this.view;
    const top = this.y;
    const markW = 104;
    this.markBox(top, markW, 42, style.mark);

    let textOffset = 0;
    let logoBottom = top;
    if (issuer.logo) {
      const size = 64;
      try {
        this.doc.image(issuer.logo, this.x(0, size), top, { fit: [size, size], ...(this.rtl ? { align: 'right' as const } : {}) });
        textOffset = size + 12;
        logoBottom = top + size;
      } catch {
        // An unreadable logo must not stop a legal document from being issued: print without it.
      }
    }
    const width = CONTENT_W - textOffset - markW - 16;
    let y = this.paragraph(issuer.legalName, textOffset, top, width, 'start', style.issuer, this.typed);
    const taxLine = issuer.taxId ? `${issuer.taxStatusLabel ?? this.labels.taxId} ${issuer.taxId}` : issuer.taxStatusLabel;
    if (taxLine) y = this.paragraph(taxLine, textOffset, y, width, 'start', style.muted);
    if (issuer.address) y = this.paragraph(issuer.address, textOffset, y, width, 'start', style.muted, this.typed);
    const contact = [issuer.phone && `${this.labels.phone} ${issuer.phone}`, issuer.email].filter(Boolean).join('   ');
    if (contact) y = this.paragraph(contact, textOffset, y, width, 'start', style.muted);

    this.y = Math.max(y, logoBottom, top + 42) + 10;
    this.rule(this.y, INK, 1);
    this.y += 12;
  }

  private titleBlock(): void {
    const { view, labels } = this;
    const top = this.y;
    const sideW = 170;
    const titleW = CONTENT_W - sideW - 12;
    let y = this.paragraph(this.titleText, 0, top, titleW, 'start', style.title);
    if (view.reference) y = this.paragraph(view.reference, 0, y, titleW, 'start', style.strong, this.typed);

    let sideY = top + 4;
    this.fitText(`${labels.date}: ${formatDate(view.date)}`, CONTENT_W - sideW, sideY, sideW, 'end', style.strong);
    sideY += lineHeight(style.strong);
    if (view.allocationNumber) {
      this.fitText(`${labels.allocationNumber}: ${view.allocationNumber}`, CONTENT_W - sideW, sideY, sideW, 'end', style.body);
      sideY += lineHeight(style.body);
    }
    this.y = Math.max(y, sideY) + 10;
  }

  private customerBlock(): void {
    const { customer } = this.view;
    const width = CONTENT_W * 0.6;
    let y = this.paragraph(`${this.labels.billTo}:`, 0, this.y, width, 'start', style.muted);
    y = this.paragraph(customer.name, 0, y, width, 'start', style.customer, this.typed);
    if (customer.taxId) y = this.paragraph(`${this.labels.customerTaxId} ${customer.taxId}`, 0, y, width, 'start', style.body);
    if (customer.address) y = this.paragraph(customer.address, 0, y, width, 'start', style.body, this.typed);
    const contact = [customer.phone && `${this.labels.phone} ${customer.phone}`, customer.email].filter(Boolean).join('   ');
    if (contact) y = this.paragraph(contact, 0, y, width, 'start', style.body);
    this.y = y + 14;
  }

  private tableHeader(): void {
    const h = lineHeight(style.head) + 2 * CELL_PAD_Y;
    this.doc.save().rect(MARGIN, this.y, CONTENT_W, h).fill(HEADER_FILL).restore();
    let offset = 0;
    for (const col of COLUMNS) {
      this.fitText(
        this.labels[col.key],
        offset + CELL_PAD_X,
        this.y + CELL_PAD_Y,
        col.width - 2 * CELL_PAD_X,
        this.cellSide(col),
        style.head,
      );
      offset += col.width;
    }
    this.y += h;
    this.rule(this.y, INK, 0.75);
  }

  /** Amount columns are right-aligned numbers in both layouts; the description starts at the reading side. */
  private cellSide(col: Column): Side {
    if (!col.numeric) return 'start';
    return this.rtl ? 'start' : 'end';
  }

  private linesTable(): void {
    const lh = lineHeight(style.cell);
    this.ensure(3 * lh);
    this.tableHeader();
    const descW = COLUMNS[0].width - 2 * CELL_PAD_X;
    for (const line of this.view.lines) {
      const descLines = this.writer.wrap(line.description, descW, style.cell, this.typed);
      const rowH = Math.max(1, descLines.length) * lh + 2 * CELL_PAD_Y;
      // A row moves to the next page whole, unless it is taller than a page: then it is cut between its lines.
      if (this.y + rowH > CONTENT_BOTTOM && rowH <= CONTENT_BOTTOM - this.tableTopOnNextPage()) {
        this.ensure(rowH);
        this.tableHeader();
      }
      let rest = descLines;
      let first = true;
      while (first || rest.length > 0) {
        const fit = Math.floor((CONTENT_BOTTOM - this.y - 2 * CELL_PAD_Y) / lh);
        if (fit < 1) {
          this.ensure(CONTENT_BOTTOM);
          this.tableHeader();
          continue;
        }
        const chunk = rest.slice(0, fit);
        rest = rest.slice(fit);
        this.tableRow(chunk, first ? line : null);
        first = false;
      }
    }
    this.y += 8;
  }

  /** Where a table continued on a new page starts: below the continuation header and the table header. */
  private tableTopOnNextPage(): number {
    return MARGIN + CONTINUATION_HEADER_H + lineHeight(style.head) + 2 * CELL_PAD_Y;
  }

  /** One table row (or the part of a tall row that fits); the figures print with its first part only. */
  private tableRow(description: WrappedLine[], figures: InvoicePdfView['lines'][number] | null): void {
    const lh = lineHeight(style.cell);
    const one = (text: string): WrappedLine[] => [{ text, base: this.writer.base }];
    const cells: Record<Column['key'], WrappedLine[]> = {
      description,
      quantity: figures ? one(figures.quantity) : [],
      unitPrice: figures ? one(this.money(figures.unitPriceAgorot)) : [],
      discount: figures?.discountAgorot ? one(this.money(figures.discountAgorot)) : [],
      lineTotal: figures ? one(this.money(figures.totalAgorot)) : [],
    };
    let offset = 0;
    for (const col of COLUMNS) {
      let y = this.y + CELL_PAD_Y;
      for (const l of cells[col.key]) {
        this.fitText(l.text, offset + CELL_PAD_X, y, col.width - 2 * CELL_PAD_X, this.cellSide(col), style.cell, l.base);
        y += lh;
      }
      offset += col.width;
    }
    this.y += Math.max(1, description.length) * lh + 2 * CELL_PAD_Y;
    this.rule(this.y);
  }

  /**
   * A label and an amount under the line-total column. The label column sits
   * next to it on the reading side; labels align on the reading edge (right in
   * Hebrew), so the block reads like a small two-column table.
   */
  private amountRow(label: string, amount: string, s: TextStyle): void {
    const h = lineHeight(s) + 2;
    this.fitText(label, TOTALS_START + CELL_PAD_X, this.y + 1, TOTALS_LABEL_W - 2 * CELL_PAD_X, 'start', s);
    this.fitText(amount, TOTAL_COL_OFFSET + CELL_PAD_X, this.y + 1, NUMERIC_W.lineTotal - 2 * CELL_PAD_X, this.rtl ? 'start' : 'end', s);
    this.y += h;
  }

  private totalsBlock(): void {
    const { view, labels } = this;
    const rows = (view.vat ? 3 : 1) + (view.vat && view.pricesIncludeVat ? 1 : 0);
    this.ensure(rows * lineHeight(style.total) + 16);
    if (view.vat) {
      this.amountRow(labels.subtotal, this.money(view.subtotalAgorot), style.body);
      this.amountRow(labels.vat(view.vat.ratePercent), this.money(view.vat.amountAgorot), style.body);
      const ruleX = this.x(TOTALS_START, CONTENT_W - TOTALS_START);
      this.doc
        .save()
        .moveTo(ruleX, this.y + 1)
        .lineTo(ruleX + CONTENT_W - TOTALS_START, this.y + 1)
        .lineWidth(1)
        .strokeColor(INK)
        .stroke()
        .restore();
      this.y += 4;
    }
    this.amountRow(labels.total, this.money(view.totalAgorot), style.total);
    if (view.vat && view.pricesIncludeVat) {
      this.text(
        labels.pricesIncludeVat,
        TOTALS_START + CELL_PAD_X,
        this.y + 2,
        CONTENT_W - TOTALS_START - 2 * CELL_PAD_X,
        'start',
        style.muted,
      );
      this.y += lineHeight(style.muted) + 2;
    }
    this.y += 14;
  }

  private paymentsBlock(): void {
    const { payments } = this.view;
    if (payments.length === 0) return;
    this.ensure(lineHeight(style.strong) + lineHeight(style.body) + 8);
    this.text(this.labels.payments, 0, this.y, CONTENT_W, 'start', style.strong);
    this.y += lineHeight(style.strong) + 2;
    this.rule(this.y);
    this.y += 3;
    const descW = TOTAL_COL_OFFSET - CELL_PAD_X;
    for (const p of payments) {
      const lines = this.writer.wrap(p.description, descW, style.body, this.typed);
      const h = Math.max(1, lines.length) * lineHeight(style.body) + 3;
      this.ensure(h);
      let y = this.y;
      for (const l of lines) {
        this.text(l.text, 0, y, descW, 'start', style.body, l.base);
        y += lineHeight(style.body);
      }
      this.fitText(
        this.money(p.amountAgorot),
        TOTAL_COL_OFFSET + CELL_PAD_X,
        this.y,
        NUMERIC_W.lineTotal - 2 * CELL_PAD_X,
        this.rtl ? 'start' : 'end',
        style.body,
      );
      this.y += h;
    }
    this.y += 12;
  }

  private remarksBlock(): void {
    const { remarks } = this.view;
    if (!remarks) return;
    this.ensure(lineHeight(style.strong) + lineHeight(style.body));
    this.text(`${this.labels.remarks}:`, 0, this.y, CONTENT_W, 'start', style.strong);
    this.y += lineHeight(style.strong);
    for (const line of this.writer.wrap(remarks, CONTENT_W, style.body, this.typed)) {
      this.ensure(lineHeight(style.body));
      this.text(line.text, 0, this.y, CONTENT_W, 'start', style.body, line.base);
      this.y += lineHeight(style.body);
    }
  }

  /** Pages after the first: the document's title, number and mark, so every page is identified. */
  private continuationHeader(): void {
    const h = 24;
    const top = this.y;
    this.markBox(top, 64, h, style.markSmall);
    this.fitText(`${this.titleText} (${this.labels.continued})`, 0, top + 4, CONTENT_W - 80, 'start', style.strong);
    this.rule(top + h + 8, INK, 1);
    this.y = top + CONTINUATION_HEADER_H;
  }

  /** Footer text and "page n of m" on every page (the pages are buffered until the end). */
  private pageFurniture(): void {
    const range = this.doc.bufferedPageRange();
    const pages = range.count;
    for (let i = 0; i < pages; i++) {
      this.doc.switchToPage(range.start + i);
      this.rule(CONTENT_BOTTOM + 10);
      let y = CONTENT_BOTTOM + 16;
      if (this.view.footer) {
        for (const line of this.writer.wrap(this.view.footer, CONTENT_W, style.small, this.typed).slice(0, 2)) {
          this.text(line.text, 0, y, CONTENT_W, 'center', style.small, line.base);
          y += lineHeight(style.small);
        }
      }
      this.text(this.labels.page(i + 1, pages), 0, PAGE_H - 24, CONTENT_W, 'center', style.small);
    }
  }
}
