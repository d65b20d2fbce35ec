/**
 * FASTQ push parser: standard 4-line records (header, sequence, '+', quality), LF or CRLF.
 * Lines that lie inside one chunk are read in place; only a line cut by a chunk boundary is
 * copied.
 */
import { ByteBuffer } from './byte-buffer';
import { parseHeader, type ParsedHeader } from './header';
import { byteOrderMarkLength, errorEvent, truncatedReason } from './parse-events';
import type { SequenceParser } from './parser';
import { describeInvalid, type InvalidCharacters } from './residue-normalize';
import { buildSequence, type BuiltSequence } from './sequence-builder';
import type { ReadEvent } from './types';
import { ScanArena } from './wasm/scan-arena';

const LF = 0x0a;
const CR = 0x0d;
const AT = 0x40;
const PLUS = 0x2b;

const enum Expect {
  Header,
  Sequence,
  Plus,
  Quality,
}

export class FastqParser implements SequenceParser {
  records = 0;
  private line = 1;
  private expect = Expect.Header;
  private started = false;
  /** Set after a malformed stretch: skip lines quietly until the next '@' header. */
  private resyncing = false;
  private readonly partial = new ByteBuffer();
  private header: ParsedHeader = { id: '', description: '', problem: null };
  private recordLine = 0;
  private sequence: BuiltSequence | null = null;
  private sequenceBytes = 0;
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
      const lf = chunk.indexOf(LF, i);
      if (lf === -1) {
        this.partial.append(chunk, i, n);
        break;
      }
      if (this.partial.length > 0) {
        this.partial.append(chunk, i, lf);
        this.onLine(this.partial.bytes, 0, this.partial.length, false);
        this.partial.clear();
      } else {
        this.onLine(chunk, i, lf, false);
      }
      this.line++;
      i = lf + 1;
    }
    return events;
  }

  end(): ReadEvent[] {
    const events: ReadEvent[] = (this.events = []);
    if (this.partial.length > 0) {
      this.onLine(this.partial.bytes, 0, this.partial.length, true);
      this.partial.clear();
    }
    if (this.expect !== Expect.Header) this.reportCutShort('the file ends inside the record');
    return events;
  }

  truncate(detail: string): ReadEvent[] {
    const events: ReadEvent[] = (this.events = []);
    const open = this.expect !== Expect.Header;
    const openId = open ? this.header.id || null : null;
    const lastLine = Math.max(1, this.partial.length > 0 ? this.line : this.line - 1);
    if (open) this.records++;
    const reason = truncatedReason(detail, lastLine, openId);
    events.push(errorEvent(this.file, lastLine, openId, 'truncated-gzip', reason));
    this.expect = Expect.Header;
    this.partial.clear();
    return events;
  }

  private onLine(bytes: Buffer, start: number, end: number, last: boolean): void {
    if (end > start && bytes[end - 1] === CR) end--;
    switch (this.expect) {
      case Expect.Header:
        return this.onHeaderLine(bytes, start, end);
      case Expect.Sequence:
        this.readSequence(bytes, start, end);
        this.expect = Expect.Plus;
        return;
      case Expect.Plus:
        if (end > start && bytes[start] === PLUS) {
          this.expect = Expect.Quality;
        } else if (end > start && bytes[start] === AT) {
          this.reportCutShort(`line ${this.line} starts a new record before the '+' line`);
          this.onHeaderLine(bytes, start, end);
        } else {
          this.reportCutShort(
            `line ${this.line} should be the '+' line (multi-line FASTQ is not supported)`,
          );
          this.resyncing = true;
        }
        return;
      case Expect.Quality:
        this.expect = Expect.Header;
        return this.finishRecord(bytes, start, end, last);
    }
  }

  private onHeaderLine(bytes: Buffer, start: number, end: number): void {
    if (end > start && bytes[start] === AT) {
      this.header = parseHeader(bytes, start + 1, end);
      this.recordLine = this.line;
      this.expect = Expect.Sequence;
      this.resyncing = false;
      return;
    }
    if (end === start || this.resyncing) return;
    this.resyncing = true;
    const reason =
      this.records === 0 ? 'data before the first header line' : "line is not a FASTQ header ('@')";
    this.events.push(errorEvent(this.file, this.line, null, 'sequence-before-header', reason));
  }

  private readSequence(bytes: Buffer, start: number, end: number): void {
    const arena = this.arena;
    arena.reset();
    arena.append(bytes, start, end);
    this.sequenceBytes = end - start;
    this.sequence = buildSequence(arena, this.line, false);
  }

  private finishRecord(bytes: Buffer, start: number, end: number, last: boolean): void {
    this.records++;
    const { file, recordLine: line, header } = this;
    const id = header.id || null;
    const sequence = this.sequence!;
    const qualityLength = end - start;
    if (header.problem) {
      this.events.push(errorEvent(file, line, id, header.problem.code, header.problem.reason));
    } else if (qualityLength !== this.sequenceBytes) {
      if (last && qualityLength < this.sequenceBytes) {
        this.events.push(
          errorEvent(file, line, id, 'truncated-record', 'the file ends inside the quality line'),
        );
      } else {
        const reason = `quality has ${qualityLength} characters, sequence has ${this.sequenceBytes}`;
        this.events.push(errorEvent(file, line, id, 'quality-length-mismatch', reason));
      }
    } else if (!sequence.ok) {
      this.events.push(
        errorEvent(file, line, id, 'invalid-characters', describeInvalid(sequence.invalid)),
      );
    } else if (sequence.length === 0) {
      this.events.push(errorEvent(file, line, id, 'empty-sequence', 'the sequence line is empty'));
    } else {
      const badQuality = findBadQuality(bytes, start, end, this.line);
      if (badQuality) {
        const reason = describeInvalid(badQuality, 'quality characters');
        this.events.push(errorEvent(file, line, id, 'invalid-characters', reason));
        return;
      }
      const { length, nCount, ambiguousCount, gcCount } = sequence;
      this.events.push({
        type: 'record',
        record: {
          id: header.id,
          description: header.description,
          sequence: sequence.sequence,
          quality: bytes.toString('latin1', start, end),
          line,
          length,
          nCount,
          ambiguousCount,
          gcCount,
          gapCount: 0,
        },
      });
    }
  }

  private reportCutShort(reason: string): void {
    this.records++;
    const id = this.header.id || null;
    const problem = this.header.problem;
    this.events.push(
      problem
        ? errorEvent(this.file, this.recordLine, id, problem.code, problem.reason)
        : errorEvent(this.file, this.recordLine, id, 'truncated-record', reason),
    );
    this.expect = Expect.Header;
  }
}

/** Quality bytes must be printable ASCII ('!' to '~'). */
function findBadQuality(
  bytes: Buffer,
  start: number,
  end: number,
  line: number,
): InvalidCharacters | null {
  let invalid: InvalidCharacters | null = null;
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!;
    if (byte >= 0x21 && byte <= 0x7e) continue;
    invalid ??= { bytes: [], kinds: 0, line, column: i - start + 1 };
    if (!invalid.bytes.includes(byte)) {
      invalid.kinds++;
      if (invalid.bytes.length < 5) invalid.bytes.push(byte);
    }
  }
  return invalid;
}
