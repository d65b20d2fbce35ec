/**
 * FASTA push parser. A chunk is cut into header lines and sequence regions (everything up to
 * the next '>' that starts a line); each region goes to the SIMD kernel in one call, so no
 * JavaScript runs per byte or per line.
 */
import { ByteBuffer } from './byte-buffer';
import { parseHeader, type ParsedHeader } from './header';
import {
  DEFAULT_RECORD_LIMITS,
  MAX_HEADER_BYTES,
  headerTooLongReason,
  textTooLongReason,
  tooLongReason,
  type RecordLimits,
} from './input-limits';
import { ByteOrderMarkFilter, errorEvent, truncatedReason } from './parse-events';
import type { InputStopCode, SequenceParser } from './parser';
import { describeInvalid } from './residue-normalize';
import { buildSequence } from './sequence-builder';
import type { RecordErrorCode } from '../../shared/types';
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
  private readonly byteOrderMark = new ByteOrderMarkFilter();
  /** A header cut by a chunk boundary: its first MAX_HEADER_BYTES, and the count of the rest. */
  private readonly headerBytes = new ByteBuffer();
  private headerDropped = 0;
  /** Header of the open record; null before the first header (data there is an error). */
  private header: ParsedHeader | null = null;
  private recordLine = 1;
  /** The open record (or data before the first header) was refused: drop bytes until a header. */
  private skipping = false;
  private readonly arena = new ScanArena();
  private events: ReadEvent[] = [];

  constructor(
    private readonly file: string,
    private readonly limits: RecordLimits = DEFAULT_RECORD_LIMITS,
  ) {}

  push(input: Buffer): ReadEvent[] {
    const events: ReadEvent[] = (this.events = []);
    const chunk = this.byteOrderMark.filter(input);
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.inHeader) {
        const lf = chunk.indexOf(LF, i);
        if (lf === -1) {
          this.holdHeader(chunk, i, n);
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
      this.appendRegion(chunk, i, end);
      this.atLineStart = chunk[end - 1] === LF;
      i = end;
    }
    return events;
  }

  /**
   * Adds sequence bytes to the open record. The text limit cuts the region where it is
   * reached, so which limit a record breaks first does not depend on where chunks end.
   */
  private appendRegion(chunk: Buffer, start: number, end: number): void {
    const { arena, limits } = this;
    let from = start;
    while (from < end) {
      if (this.skipping) {
        // The kernel still counts the lines; a refused record's bytes are dropped.
        this.line += arena.append(chunk, from, end);
        arena.reset();
        return;
      }
      const cut = Math.min(end, from + limits.maxRecordTextBytes - arena.rawLength);
      this.line += arena.append(chunk, from, cut);
      if (arena.outLength > limits.maxRecordLength)
        this.refuseLongRecord(tooLongReason(limits.maxRecordLength));
      else if (cut < end) this.refuseLongRecord(textTooLongReason(limits.maxRecordTextBytes));
      from = cut;
    }
  }

  end(): ReadEvent[] {
    const events = this.push(this.byteOrderMark.flush());
    if (this.inHeader) this.openRecord(this.headerBytes.bytes, 0, 0);
    this.closeRecord();
    return events;
  }

  truncate(detail: string, code: InputStopCode): ReadEvent[] {
    const events: ReadEvent[] = (this.events = []);
    const openId = this.inHeader ? null : (this.header?.id ?? null);
    const lastLine = Math.max(1, this.atLineStart && !this.inHeader ? this.line - 1 : this.line);
    if (this.header !== null || this.inHeader) this.records++;
    events.push(
      errorEvent(this.file, lastLine, openId, code, truncatedReason(detail, lastLine, openId)),
    );
    this.header = null;
    this.inHeader = false;
    this.skipping = false;
    this.clearHeaderBytes();
    this.arena.reset();
    return events;
  }

  /** Keeps header bytes cut by a chunk boundary, up to MAX_HEADER_BYTES; counts the rest. */
  private holdHeader(bytes: Buffer, start: number, end: number): void {
    const keep = Math.min(end - start, MAX_HEADER_BYTES - this.headerBytes.length);
    this.headerBytes.append(bytes, start, start + keep);
    this.headerDropped += end - start - keep;
  }

  private clearHeaderBytes(): void {
    this.headerBytes.clear();
    this.headerDropped = 0;
  }

  /**
   * Header text is `bytes[start, end)`, appended to any part held from earlier chunks. A
   * record whose header has a problem is reported at once and its sequence skipped.
   */
  private openRecord(bytes: Buffer, start: number, end: number): void {
    let header: ParsedHeader;
    if (this.headerBytes.length > 0 || this.headerDropped > 0) {
      this.holdHeader(bytes, start, end);
      header = headerOf(this.headerBytes.bytes, 0, this.headerBytes.length, this.headerDropped);
      this.clearHeaderBytes();
    } else {
      header = headerOf(bytes, start, end, 0);
    }
    this.header = header;
    this.inHeader = false;
    if (header.problem) this.refuseOpenRecord(header.problem.code, header.problem.reason);
  }

  private refuseLongRecord(reason: string): void {
    if (this.header === null) {
      // Data before the first header: reported (once) and skipped, or only blanks, dropped.
      this.skipping = this.reportOrphanData();
      this.recordLine = this.line;
      this.arena.reset();
    } else {
      this.refuseOpenRecord('record-too-long', reason);
    }
  }

  /** Reports the open record now; its bases up to the next header are dropped unread. */
  private refuseOpenRecord(code: RecordErrorCode, reason: string): void {
    this.records++;
    const id = this.header?.id || null;
    this.events.push(errorEvent(this.file, this.recordLine, id, code, reason));
    this.header = null;
    this.skipping = true;
    this.arena.reset();
  }

  private closeRecord(): void {
    const header = this.header;
    if (this.skipping) this.skipping = false;
    else if (header === null) this.reportOrphanData();
    else this.emitRecord(header);
    this.header = null;
    this.arena.reset();
  }

  private emitRecord(header: ParsedHeader): void {
    this.records++;
    const line = this.recordLine;
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
  private reportOrphanData(): boolean {
    const { bytes, rawStart, rawLength } = this.arena;
    let line = this.recordLine;
    for (let i = rawStart; i < rawStart + rawLength; i++) {
      const byte = bytes[i]!;
      if (byte === LF) line++;
      else if (byte !== 0x0d && byte !== 0x20 && byte !== 0x09) {
        const reason = 'sequence data before the first header line';
        this.events.push(errorEvent(this.file, line, null, 'sequence-before-header', reason));
        return true;
      }
    }
    return false;
  }
}

/**
 * The header of `bytes[start, end)`, `dropped` more bytes having been cut off after `end`.
 * Past MAX_HEADER_BYTES, the record is refused; its id is named when it ends in what was kept.
 */
function headerOf(bytes: Buffer, start: number, end: number, dropped: number): ParsedHeader {
  const length = end - start + dropped;
  if (length <= MAX_HEADER_BYTES) return parseHeader(bytes, start, end);
  const kept = parseHeader(bytes, start, start + Math.min(end - start, MAX_HEADER_BYTES));
  const id = kept.description === '' ? '' : kept.id;
  return {
    id,
    description: '',
    problem: { code: 'record-too-long', reason: headerTooLongReason() },
  };
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
