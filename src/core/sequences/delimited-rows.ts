/** A streaming RFC 4180 row splitter (CSV or TSV): quoted fields, "" escapes, LF or CRLF. */

export interface DelimitedRow {
  fields: string[];
  /** 1-based line where the row starts. */
  line: number;
}

const QUOTE = 0x22;
const LF = 0x0a;

export class DelimitedRowSplitter {
  private fields: string[] = [];
  private field = '';
  private quoted = false;
  /** Inside a quoted field (a quote opened and not yet closed). */
  private inQuotes = false;
  private pendingQuote = false;
  /** Length of `field` when its closing quote was read: a CR before that is data. */
  private quotedLength = 0;
  private line = 1;
  private rowLine = 1;

  constructor(private readonly delimiter: number) {}

  /** Splits the next piece of text; returns the rows it completed. */
  push(text: string): DelimitedRow[] {
    const rows: DelimitedRow[] = [];
    const delimiter = this.delimiter;
    let plainStart = -1; // start of a run of ordinary characters not yet added to `field`
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (this.inQuotes) {
        if (this.pendingQuote) {
          this.pendingQuote = false;
          if (code === QUOTE) {
            this.field += '"';
            continue;
          }
          this.inQuotes = false; // the quote closed the field; handle `code` below
          this.quotedLength = this.field.length;
        } else {
          if (code === QUOTE) this.pendingQuote = true;
          else {
            if (code === LF) this.line++;
            this.field += text[i];
          }
          continue;
        }
      }
      if (code === delimiter || code === LF) {
        if (plainStart !== -1) this.field += text.slice(plainStart, i);
        plainStart = -1;
        if (code === LF) this.dropLineEndCr();
        this.endField();
        if (code === LF) {
          rows.push(this.endRow());
          this.line++;
          this.rowLine = this.line;
        }
      } else if (code === QUOTE && this.field === '' && plainStart === -1 && !this.quoted) {
        this.inQuotes = true;
        this.quoted = true;
      } else if (plainStart === -1) {
        plainStart = i;
      }
    }
    if (plainStart !== -1) this.field += text.slice(plainStart);
    return rows;
  }

  /** End of input: the last row if it had no line end; null when a quote was left open. */
  end(): { rows: DelimitedRow[]; unterminatedAt: number | null } {
    if (this.inQuotes && !this.pendingQuote) return { rows: [], unterminatedAt: this.rowLine };
    const hasData = this.fields.length > 0 || this.field !== '' || this.quoted;
    if (!hasData) return { rows: [], unterminatedAt: null };
    if (this.pendingQuote) this.quotedLength = this.field.length;
    this.dropLineEndCr();
    this.endField();
    return { rows: [this.endRow()], unterminatedAt: null };
  }

  /** The CR of a CRLF line end, not one written inside quotes. */
  private dropLineEndCr(): void {
    if (this.field.length > this.quotedLength && this.field.endsWith('\r'))
      this.field = this.field.slice(0, -1);
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.quoted = false;
    this.inQuotes = false;
    this.pendingQuote = false;
    this.quotedLength = 0;
  }

  private endRow(): DelimitedRow {
    const row = { fields: this.fields, line: this.rowLine };
    this.fields = [];
    return row;
  }
}
