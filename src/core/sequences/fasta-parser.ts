/**
 * FASTA push parser. A chunk is cut into header lines and sequence regions (everything up to
 * the next '>' that starts a line); each region goes to the SIMD kernel in one call, so no
 * JavaScript runs per byte or per line.
 */
import { ByteBuffer } from './byte-buffer';
import { parseHeader, type ParsedHeader } from './header';
import { byteOrderMarkLength, errorEvent, truncatedReason } from './parse-events';
import type { SequenceParser } from './parser';
import { describeInvalid } from './residue-normalize';
import { buildSequence } from './sequence-builder';
import type { ReadEvent } from './types';
import { ScanArena } from './wasm/scan-arena';

const LF = 0x0a;
const GT = 0x3e;

export class FastaParser implements SequenceParser {
  records = 0;
  /** 1-based line at the parse position. */
  private line = 1;
  private inHeader = false;
  private atLineStart = true;
  private started = false;
  private readonly headerBytes = new ByteBuffer();
  /** Header of the open record; null before the first header (data there is an error). */
  private header: ParsedHeader | null = null;
  private recordLine = 1;
  private readonly arena = new ScanArena();
  private events: ReadEvent[] = [];

  constructor(private readonly file: string) {}

  push(chunk: Buffer): ReadEvent[] {
    const events: ReadEvent[] = (this.events = []);
    const n = chunk.length;
    let i = 0;
    if (!this.started && n > 0) {
      this.started = true;
      i = byteOrderMarkLength(chunk);
    }
    while (i < n) {
      if (this.inHeader) {
        const lf = chunk.indexOf(LF, i);
        if (lf === -1) {
          this.headerBytes.append(chunk, i, n);
          break;
        }
        this.openRecord(chunk, i, lf);
        this.line++;
        this.atLineStart = true;
        i = lf + 1;
        continue;
      }
      if (this.atLineStart && chunk[i] === GT) {
        this.closeRecord();
        this.recordLine = this.line;
        this.inHeader = true;
        i++;
        continue;
      }
      const end = regionEnd(chunk, i);
      this.line += this.arena.append(chunk, i, end);
      this.atLineStart = chunk[end - 1] === LF;
      i = end;
    }
    return events;
  }

  end(): ReadEvent[] {
    const events: ReadEvent[] = (this.events = []);
    if (this.inHeader) this.openRecord(this.headerBytes.bytes, 0, 0);
    this.closeRecord();
    return events;
  }

  truncate(detail: string): ReadEvent[] {
    const events: ReadEvent[] = (this.events = []);
    const openId = this.inHeader ? null : (this.header?.id ?? null);
    const lastLine = Math.max(1, this.atLineStart && !this.inHeader ? this.line - 1 : this.line);
    if (this.header !== null || this.inHeader) this.records++;
    events.push(
      errorEvent(
        this.file,
        lastLine,
        openId,
        'truncated-gzip',
        truncatedReason(detail, lastLine, openId),
      ),
    );
    this.header = null;
    this.inHeader = false;
    this.headerBytes.clear();
    this.arena.reset();
    return events;
  }

  /** Header text is `bytes[start, end)`, appended to any part held from earlier chunks. */
  private openRecord(bytes: Buffer, start: number, end: number): void {
    if (this.headerBytes.length > 0) {
      this.headerBytes.append(bytes, start, end);
      this.header = parseHeader(this.headerBytes.bytes, 0, this.headerBytes.length);
      this.headerBytes.clear();
    } else {
      this.header = parseHeader(bytes, start, end);
    }
    this.inHeader = false;
  }

  private closeRecord(): void {
    const header = this.header;
    if (header === null) this.reportOrphanData();
    else this.emitRecord(header);
    this.header = null;
    this.arena.reset();
  }

  private emitRecord(header: ParsedHeader): void {
    this.records++;
    const line = this.recordLine;
    if (header.problem) {
      const { code, reason } = header.problem;
      this.events.push(errorEvent(this.file, line, header.id || null, code, reason));
      return;
    }
    const built = buildSequence(this.arena, line + 1, true);
    if (!built.ok) {
      const reason = describeInvalid(built.invalid);
      this.events.push(errorEvent(this.file, line, header.id, 'invalid-characters', reason));
    } else if (built.length === 0) {
      const reason = built.gapCount > 0 ? 'sequence has only gaps' : 'no sequence after the header';
      this.events.push(errorEvent(this.file, line, header.id, 'empty-sequence', reason));
    } else {
      const { sequence, length, nCount, ambiguousCount, gcCount, gapCount } = built;
      this.events.push({
        type: 'record',
        record: {
          id: header.id,
          description: header.description,
          sequence,
          line,
          length,
          nCount,
          ambiguousCount,
          gcCount,
          gapCount,
        },
      });
    }
  }

  /** Data before the first header: blank lines are fine, anything else is reported once. */
  private reportOrphanData(): void {
    const { bytes, rawStart, rawLength } = this.arena;
    let line = this.recordLine;
    for (let i = rawStart; i < rawStart + rawLength; i++) {
      const byte = bytes[i]!;
      if (byte === LF) line++;
      else if (byte !== 0x0d && byte !== 0x20 && byte !== 0x09) {
        const reason = 'sequence data before the first header line';
        this.events.push(errorEvent(this.file, line, null, 'sequence-before-header', reason));
        return;
      }
    }
  }
}

/** End of the sequence region starting at `start`: the next '>' that begins a line. */
function regionEnd(chunk: Buffer, start: number): number {
  let from = start;
  for (;;) {
    const gt = chunk.indexOf(GT, from);
    if (gt === -1) return chunk.length;
    if (gt > start && chunk[gt - 1] === LF) return gt;
    from = gt + 1;
  }
}
