/**
 * FASTQ push parser: standard 4-line records (header, sequence, '+', quality), LF or CRLF.
 * Lines that lie inside one chunk are read in place; only a line cut by a chunk boundary is
 * copied, up to what its place in the record can use (`lineCap`): past that its bytes are
 * counted, not kept, so a 4 GB line costs no more memory than the record limit.
 */
import { ByteBuffer } from './byte-buffer';
import { RESIDUE_CLASS, SKIP } from './byte-classes';
import type { RecordErrorCode } from '../../shared/types';
import { parseHeader, type ParsedHeader } from './header';
import {
  DEFAULT_RECORD_LIMITS,
  MAX_HEADER_BYTES,
  headerTooLongReason,
  tooLongReason,
  type RecordLimits,
} from './input-limits';
import { ByteOrderMarkFilter, errorEvent, truncatedReason } from './parse-events';
import type { InputStopCode, SequenceParser } from './parser';
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
  private readonly byteOrderMark = new ByteOrderMarkFilter();
  /** Set after a malformed stretch: skip lines quietly until the next '@' header. */
  private resyncing = false;
  /** A line cut by a chunk boundary: its first `lineCap()` bytes, the count of the rest. */
  private readonly partial = new ByteBuffer();
  private partialDropped = 0;
  private partialLastByte = 0;
  private header: ParsedHeader = { id: '', description: '', problem: null };
  private recordLine = 0;
  /** The open record was reported already (too long, bad header): its lines are dropped. */
  private refused = false;
  private sequence: BuiltSequence | null = null;
  private sequenceBytes = 0;
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
      const lf = chunk.indexOf(LF, i);
      if (lf === -1) {
        this.holdPartial(chunk, i, n);
        break;
      }
      if (this.partial.length > 0 || this.partialDropped > 0) {
        this.holdPartial(chunk, i, lf);
        this.onPartialLine(false);
      } else {
        const end = lf > i && chunk[lf - 1] === CR ? lf - 1 : lf;
        this.onLine(chunk, i, end, end - i, false);
      }
      this.line++;
      i = lf + 1;
    }
    return events;
  }

  end(): ReadEvent[] {
    const events = this.push(this.byteOrderMark.flush());
    if (this.partial.length > 0 || this.partialDropped > 0) this.onPartialLine(true);
    if (this.expect !== Expect.Header) this.reportCutShort('the file ends inside the record');
    return events;
  }

  truncate(detail: string, code: InputStopCode): ReadEvent[] {
    const events: ReadEvent[] = (this.events = []);
    const open = this.expect !== Expect.Header && !this.refused;
    const openId = open ? this.header.id || null : null;
    const cut = this.partial.length > 0 || this.partialDropped > 0;
    const lastLine = Math.max(1, cut ? this.line : this.line - 1);
    if (open) this.records++;
    const reason = truncatedReason(detail, lastLine, openId);
    events.push(errorEvent(this.file, lastLine, openId, code, reason));
    this.expect = Expect.Header;
    this.refused = false;
    this.clearPartial();
    return events;
  }

  /** Most bytes of a line that its place in the record can use (CR and marker included). */
  private lineCap(): number {
    switch (this.expect) {
      case Expect.Header:
      case Expect.Plus: // a '+' line may repeat the header, or be a header after all
        return MAX_HEADER_BYTES + 2;
      case Expect.Sequence:
        return this.refused ? 1 : this.limits.maxRecordLength + 1;
      case Expect.Quality:
        // Longer than the sequence is a length mismatch, which needs only the count.
        return this.refused ? 1 : this.sequenceBytes + 1;
    }
  }

  private holdPartial(bytes: Buffer, start: number, end: number): void {
    if (end === start) return;
    const keep = Math.max(0, Math.min(end - start, this.lineCap() - this.partial.length));
    this.partial.append(bytes, start, start + keep);
    this.partialDropped += end - start - keep;
    this.partialLastByte = bytes[end - 1]!;
    // A sequence line past the limit is refused now, and what was kept of it let go.
    if (this.partialDropped > 0 && this.expect === Expect.Sequence && !this.refused) {
      this.refuseOpenRecord('record-too-long', tooLongReason(this.limits.maxRecordLength));
      this.partialDropped += this.partial.length;
      this.partial.clear();
    }
  }

  private onPartialLine(last: boolean): void {
    const { partial, partialDropped } = this;
    // The line's final CR is the last byte kept, or the last one dropped: only that one goes.
    let end = partial.length;
    let length = end + partialDropped;
    if (partialDropped === 0 && end > 0 && partial.bytes[end - 1] === CR) end--;
    if (partialDropped > 0 ? this.partialLastByte === CR : end < partial.length) length--;
    this.onLine(partial.bytes, 0, end, length, last);
    this.clearPartial();
  }

  private clearPartial(): void {
    this.partial.clear();
    this.partialDropped = 0;
  }

  /**
   * One line without its final CR: `bytes[start, end)` as kept, `length` its full length
   * (more than `end - start` when the line was longer than its cap).
   */
  private onLine(bytes: Buffer, start: number, end: number, length: number, last: boolean): void {
    switch (this.expect) {
      case Expect.Header:
        return this.onHeaderLine(bytes, start, end, length);
      case Expect.Sequence:
        this.readSequence(bytes, start, end, length);
        this.expect = Expect.Plus;
        return;
      case Expect.Plus:
        if (end > start && bytes[start] === PLUS) {
          this.expect = Expect.Quality;
        } else if (end > start && bytes[start] === AT) {
          this.reportCutShort(`line ${this.line} starts a new record before the '+' line`);
          this.onHeaderLine(bytes, start, end, length);
        } else {
          this.reportCutShort(
            `line ${this.line} should be the '+' line (multi-line FASTQ is not supported)`,
          );
          this.resyncing = true;
        }
        return;
      case Expect.Quality:
        this.expect = Expect.Header;
        return this.finishRecord(bytes, start, end, length, last);
    }
  }

  private onHeaderLine(bytes: Buffer, start: number, end: number, length: number): void {
    if (end > start && bytes[start] === AT) {
      this.recordLine = this.line;
      this.expect = Expect.Sequence;
      this.resyncing = false;
      this.refused = false;
      this.header = parseHeader(bytes, start + 1, end);
      if (length - 1 > MAX_HEADER_BYTES) {
        const id = this.header.description === '' ? '' : this.header.id;
        this.header = { id, description: '', problem: null };
        this.refuseOpenRecord('record-too-long', headerTooLongReason());
      }
      return;
    }
    if (end === start || this.resyncing) return;
    this.resyncing = true;
    const reason =
      this.records === 0 ? 'data before the first header line' : "line is not a FASTQ header ('@')";
    this.events.push(errorEvent(this.file, this.line, null, 'sequence-before-header', reason));
  }

  private readSequence(bytes: Buffer, start: number, end: number, length: number): void {
    this.sequenceBytes = length;
    this.sequence = null;
    if (this.refused) return;
    if (length > this.limits.maxRecordLength) {
      this.refuseOpenRecord('record-too-long', tooLongReason(this.limits.maxRecordLength));
      return;
    }
    const arena = this.arena;
    arena.reset();
    arena.append(bytes, start, end);
    this.sequence = buildSequence(arena, this.line, false);
    // A blank dropped from the bases would leave the quality line out of step with them.
    if (this.sequence.ok && this.sequence.length !== length)
      this.sequence = { ok: false, invalid: findBytes(bytes, start, end, this.line, isBlank)! };
  }

  /** Reports the open record now; its remaining lines are read for their shape only. */
  private refuseOpenRecord(code: RecordErrorCode, reason: string): void {
    this.records++;
    this.refused = true;
    this.events.push(errorEvent(this.file, this.recordLine, this.header.id || null, code, reason));
  }

  private finishRecord(
    bytes: Buffer,
    start: number,
    end: number,
    qualityLength: number,
    last: boolean,
  ): void {
    if (this.refused) {
      this.refused = false;
      return;
    }
    this.records++;
    const { file, recordLine: line, header } = this;
    const id = header.id || null;
    const sequence = this.sequence!;
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
      const badQuality = findBytes(bytes, start, end, this.line, isBadQuality);
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
    this.expect = Expect.Header;
    if (this.refused) {
      this.refused = false;
      return;
    }
    this.records++;
    const id = this.header.id || null;
    const problem = this.header.problem;
    this.events.push(
      problem
        ? errorEvent(this.file, this.recordLine, id, problem.code, problem.reason)
        : errorEvent(this.file, this.recordLine, id, 'truncated-record', reason),
    );
  }
}

/** Quality bytes must be printable ASCII ('!' to '~'). */
function isBadQuality(byte: number): boolean {
  return byte < 0x21 || byte > 0x7e;
}

/** Space, tab, CR, VT, FF: skipped in FASTA sequence lines, refused in FASTQ ones. */
function isBlank(byte: number): boolean {
  return RESIDUE_CLASS[byte] === SKIP;
}

/** The bytes of line `bytes[start, end)` that `isInvalid`, or null. */
function findBytes(
  bytes: Buffer,
  start: number,
  end: number,
  line: number,
  isInvalid: (byte: number) => boolean,
): InvalidCharacters | null {
  let invalid: InvalidCharacters | null = null;
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!;
    if (!isInvalid(byte)) continue;
    invalid ??= { bytes: [], kinds: 0, line, column: i - start + 1 };
    if (!invalid.bytes.includes(byte)) {
      invalid.kinds++;
      if (invalid.bytes.length < 5) invalid.bytes.push(byte);
    }
  }
  return invalid;
}
