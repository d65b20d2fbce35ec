/**
 * Finds a metadata table's header line as text streams in and picks its delimiter: the one
 * occurring most often outside quotes. The header is the first non-blank line, read with
 * the row splitter's quote rules, so a quoted name holding a line end is one header line.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const WHITESPACE = /\s/;

export const DELIMITERS = [
  { code: 0x09, name: 'tab' },
  { code: 0x2c, name: 'comma' },
  { code: 0x3b, name: 'semicolon' },
] as const;

export type Delimiter = (typeof DELIMITERS)[number];

export interface SniffedHeader {
  delimiter: Delimiter;
  /** The header line's text, for the sequence-data check. */
  line: string;
  /** 1-based line where the header starts (after any blank lines). */
  lineNumber: number;
}

export class DelimiterSniffer {
  private text = '';
  private scanned = 0;
  private lineStart = 0;
  private inQuotes = false;
  private pendingQuote = false;
  private atFieldStart = true;
  private blank = true;
  private counts = [0, 0, 0];

  /** All text pushed so far (the row splitter reads it from the start). */
  get buffered(): string {
    return this.text;
  }

  /** Adds text; the header once its line end has arrived, else null. */
  push(text: string): SniffedHeader | null {
    this.text += text;
    for (; this.scanned < this.text.length; this.scanned++) {
      const code = this.text.charCodeAt(this.scanned);
      if (this.inQuotes && this.stepQuoted(code)) continue;
      if (code === LF) {
        if (!this.blank) return this.header(this.scanned);
        this.startLine(this.scanned + 1);
      } else this.stepPlain(code);
    }
    return null;
  }

  /** End of input: the header when the text holds one without a line end, else null. */
  end(): SniffedHeader | null {
    return this.blank ? null : this.header(this.text.length);
  }

  /** A character inside quotes; false when it closed them and is read as plain. */
  private stepQuoted(code: number): boolean {
    if (this.pendingQuote) {
      this.pendingQuote = false;
      if (code === QUOTE) return true; // "" inside quotes
      this.inQuotes = false;
      return false;
    }
    if (code === QUOTE) this.pendingQuote = true;
    else if (!WHITESPACE.test(this.text[this.scanned]!)) this.blank = false;
    return true;
  }

  private stepPlain(code: number): void {
    const delimiter = DELIMITERS.findIndex((candidate) => candidate.code === code);
    if (delimiter !== -1) {
      this.counts[delimiter]!++;
      this.atFieldStart = true;
      this.blank = false;
      return;
    }
    if (code === QUOTE && this.atFieldStart) this.inQuotes = true;
    else if (!WHITESPACE.test(this.text[this.scanned]!)) this.blank = false;
    this.atFieldStart = false;
  }

  private startLine(at: number): void {
    this.lineStart = at;
    this.atFieldStart = true;
    this.blank = true;
    this.counts = [0, 0, 0];
  }

  private header(lineEnd: number): SniffedHeader {
    const highest = Math.max(...this.counts);
    // Comma when no candidate occurs; on a tie the first in DELIMITERS order (tab) wins.
    const best = highest > 0 ? this.counts.indexOf(highest) : 1;
    const before = this.text.slice(0, this.lineStart);
    return {
      delimiter: DELIMITERS[best]!,
      line: this.text.slice(this.lineStart, lineEnd),
      lineNumber: before.split('\n').length,
    };
  }
}
