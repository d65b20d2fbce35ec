/**
 * One record's bytes in WebAssembly memory: the raw copy (as read, kept for the careful path
 * and error positions) and the compacted residues the kernel writes, plus its counters.
 *
 * Layout: [0, 128) counters and kernel scratch | raw (capacity + slack) | out (capacity +
 * slack). The slack absorbs the kernel's reads and writes past the end of a run.
 */
import { COUNTER, SCRATCH_END, scanKernelModule, type ScanFunction } from './scan-kernel';
import { wasm, type WasmMemory } from './wasm-api';

/** Node's Buffer has latin1Slice (what toString('latin1') calls); @types/node omits it. */
type LatinSlicing = Buffer & { latin1Slice(start: number, end: number): string };

const SLACK = 64;
const PAGE = 65536;
const INITIAL_CAPACITY = 256 * 1024;
/** After a record larger than this, the memory is dropped and started small again. */
const KEEP_CAPACITY = 16 * 1024 * 1024;

export class ScanArena {
  /** The whole memory; replaced when it grows. */
  bytes!: Buffer;
  rawLength = 0;
  outLength = 0;
  private memory!: WasmMemory;
  private scan!: ScanFunction;
  private counters!: Int32Array;
  private capacity = 0;

  constructor() {
    this.allocate(INITIAL_CAPACITY);
  }

  readonly rawStart = SCRATCH_END;

  get outStart(): number {
    return SCRATCH_END + this.capacity + SLACK;
  }

  get gc(): number {
    return this.counters[COUNTER.gc >> 2]!;
  }
  get n(): number {
    return this.counters[COUNTER.n >> 2]!;
  }
  get ambiguous(): number {
    return this.counters[COUNTER.ambiguous >> 2]!;
  }
  get lf(): number {
    return this.counters[COUNTER.lf >> 2]!;
  }
  get gap(): number {
    return this.counters[COUNTER.gap >> 2]!;
  }
  /** True when some byte was not an upper-case IUPAC code, LF, CR or gap. */
  get other(): boolean {
    return this.counters[COUNTER.other >> 2] !== 0;
  }

  /** Starts a new record. */
  reset(): void {
    if (this.capacity > KEEP_CAPACITY) this.allocate(INITIAL_CAPACITY);
    this.counters.fill(0);
    this.rawLength = 0;
    this.outLength = 0;
  }

  /** Appends `source[start, end)` to the record; returns how many LF it held. */
  append(source: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (this.rawLength + length > this.capacity) this.grow(this.rawLength + length);
    const at = this.rawStart + this.rawLength;
    this.bytes.set(source.subarray(start, end), at);
    const lfBefore = this.lf;
    const outStart = this.outStart;
    this.outLength = this.scan(at, length, outStart + this.outLength) - outStart;
    this.rawLength += length;
    return this.lf - lfBefore;
  }

  /** The compacted residues as a string (one copy). */
  outString(): string {
    const start = this.outStart;
    return this.latin1(start, start + this.outLength);
  }

  /** `bytes[start, end)` as a one-byte string. */
  latin1(start: number, end: number): string {
    return (this.bytes as LatinSlicing).latin1Slice(start, end);
  }

  private allocate(capacity: number): void {
    this.capacity = capacity;
    const pages = Math.ceil((SCRATCH_END + 2 * (capacity + SLACK)) / PAGE);
    this.memory = new wasm.Memory({ initial: pages });
    const instance = new wasm.Instance(scanKernelModule, { env: { memory: this.memory } });
    this.scan = instance.exports.scan as ScanFunction;
    this.view();
  }

  private view(): void {
    this.bytes = Buffer.from(this.memory.buffer);
    this.counters = new Int32Array(this.memory.buffer, 0, 6);
  }

  private grow(needed: number): void {
    let capacity = this.capacity * 2;
    while (capacity < needed) capacity *= 2;
    const oldOut = this.outStart;
    const pages = Math.ceil((SCRATCH_END + 2 * (capacity + SLACK)) / PAGE);
    this.memory.grow(pages - this.memory.buffer.byteLength / PAGE);
    this.capacity = capacity;
    this.view();
    this.bytes.copyWithin(this.outStart, oldOut, oldOut + this.outLength);
  }
}
