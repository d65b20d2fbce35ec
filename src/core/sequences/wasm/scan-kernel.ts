/**
 * The hot loop, as a WebAssembly SIMD kernel: `scan(src, len, dst)` classifies 16 bytes at a
 * time, counts G/C, N, other IUPAC codes, LF and gaps, flags any other byte, and copies the
 * residues (everything but LF, CR, '-', '.') to `dst`, returning the end of what it wrote.
 *
 * Counters live at address 0 as i32 and are added to, not overwritten (the caller zeroes
 * them per record). The kernel may read up to 31 bytes past `src + len` and write up to 15
 * past its result; [64, 128) is its scratch.
 */
import {
  buildModule,
  control,
  i16x8,
  i32,
  i32Type,
  i32x4,
  i8x16,
  local,
  memory,
  seq,
  v128,
  v128Type,
  type Code,
  type ValType,
} from './wasm-builder';
import { wasm } from './wasm-api';

/** Byte offsets of the i32 counters. */
export const COUNTER = { gc: 0, n: 4, ambiguous: 8, lf: 12, gap: 16, other: 20 } as const;
export const SCRATCH_END = 128;

const BIT_GC = 0x01;
const BIT_N = 0x02;
const BIT_AMB4 = 0x04;
const BIT_AMB5 = 0x08;
const BIT_A = 0x10;
const BIT_T = 0x20;
const BIT_EOL = 0x40; // LF, CR: dropped
const BIT_GAP = 0x80; // '-', '.': dropped, and the top bit so that shr_u 7 counts it

/**
 * A byte's class is LOW[byte & 15] & HIGH[byte >> 4]: every class is a set of bytes that is a
 * product of high nibbles and low nibbles. A class of 0 is a byte the kernel does not accept.
 */
const CLASSES: [bit: number, high: number[], low: number[]][] = [
  [BIT_GC, [4], [0x3, 0x7]], // C G
  [BIT_N, [4], [0xe]], // N
  [BIT_AMB4, [4], [0x2, 0x4, 0x8, 0xb, 0xd]], // B D H K M
  [BIT_AMB5, [5], [0x2, 0x3, 0x6, 0x7, 0x9]], // R S V W Y
  [BIT_A, [4], [0x1]], // A
  [BIT_T, [5], [0x4]], // T
  [BIT_EOL, [0], [0xa, 0xd]], // LF CR
  [BIT_GAP, [2], [0xd, 0xe]], // - .
];

const LOW_TABLE = new Array<number>(16).fill(0);
const HIGH_TABLE = new Array<number>(16).fill(0);
for (const [bit, high, low] of CLASSES) {
  for (const nibble of high) HIGH_TABLE[nibble]! |= bit;
  for (const nibble of low) LOW_TABLE[nibble]! |= bit;
}

// Locals: params, then i32s, then v128s.
const SRC = 0;
const LEN = 1;
const DST = 2;
const R = 3;
const END = 4;
const W = 5;
const BATCH_END = 6;
const M = 7;
const S = 8;
const P = 9;
const TAIL = 10;
const V = 11;
const C = 12;
const [A_GC, A_N, A_AMB, A_LF, A_GAP] = [13, 14, 15, 16, 17];
const [T_GC, T_N, T_AMB, T_LF, T_GAP] = [18, 19, 20, 21, 22];
const OTHER = 23;

const get = local.get;
const set = local.set;
const BLOCK = 16;
/** 8-bit lane counters take 255 blocks before they must be widened. */
const BATCH_BYTES = 255 * BLOCK;

const countMatching = (acc: number, mask: Code): Code => set(acc, i8x16.sub(get(acc), mask));

/** Classifies, counts and compacts the 16 bytes at `address` (appending to W). */
function processBlock(address: Code): Code {
  const nonzero = (bits: number): Code =>
    i8x16.ne(v128.and(get(C), v128.splat8(bits)), v128.zero());
  return seq(
    set(V, v128.load(address)),
    set(
      C,
      v128.and(
        i8x16.swizzle(v128.bytes(LOW_TABLE), v128.and(get(V), v128.splat8(0x0f))),
        i8x16.swizzle(v128.bytes(HIGH_TABLE), i8x16.shrU(get(V), i32.const(4))),
      ),
    ),
    set(A_GC, i8x16.add(get(A_GC), v128.and(get(C), v128.splat8(BIT_GC)))),
    set(A_GAP, i8x16.add(get(A_GAP), i8x16.shrU(get(C), i32.const(7)))),
    countMatching(A_N, nonzero(BIT_N)),
    countMatching(A_AMB, nonzero(BIT_AMB4 | BIT_AMB5)),
    countMatching(A_LF, i8x16.eq(get(V), v128.splat8(0x0a))),
    set(OTHER, v128.or(get(OTHER), i8x16.eq(get(C), v128.zero()))),
    // Lanes to drop: EOL or GAP, i.e. bit 6 or 7; bitmask reads the top bit of each lane.
    set(M, i8x16.bitmask(v128.or(get(C), i8x16.shl(get(C), i32.const(1))))),
    control.ifElse(
      i32.eqz(get(M)),
      [v128.store(get(W), get(V)), set(W, i32.add(get(W), i32.const(BLOCK)))],
      [
        // Copy the run before each dropped lane with an unaligned 16-byte move; the bytes
        // written past the run are overwritten by the next move.
        set(S, i32.const(0)),
        control.loop(
          set(P, i32.ctz(get(M))),
          v128.store(get(W), v128.load(i32.add(address, get(S)))),
          set(W, i32.add(get(W), i32.sub(get(P), get(S)))),
          set(S, i32.add(get(P), i32.const(1))),
          set(M, i32.and(get(M), i32.sub(get(M), i32.const(1)))),
          control.brIf(0, get(M)),
        ),
        v128.store(get(W), v128.load(i32.add(address, get(S)))),
        set(W, i32.add(get(W), i32.sub(i32.const(BLOCK), get(S)))),
      ],
    ),
  );
}

function flush(): Code {
  const widen = (acc: number, total: number): Code =>
    seq(
      set(
        total,
        i32x4.add(get(total), i32x4.extaddPairwiseI16x8U(i16x8.extaddPairwiseI8x16U(get(acc)))),
      ),
      set(acc, v128.zero()),
    );
  return seq(
    widen(A_GC, T_GC),
    widen(A_N, T_N),
    widen(A_AMB, T_AMB),
    widen(A_LF, T_LF),
    widen(A_GAP, T_GAP),
  );
}

function addCounter(offset: number, total: number): Code {
  const lanes = [0, 1, 2, 3].map((lane) => i32x4.extractLane(get(total), lane));
  const sum = i32.add(i32.add(lanes[0]!, lanes[1]!), i32.add(lanes[2]!, lanes[3]!));
  return i32.store(i32.const(0), i32.add(i32.load(i32.const(0), offset), sum), offset);
}

const SCRATCH = 64;
const PAD = 0x41; // 'A': kept by the compaction, counted by nothing

const scanBody = seq(
  set(R, get(SRC)),
  set(W, get(DST)),
  set(END, i32.add(get(SRC), get(LEN))),
  control.loop(
    set(BATCH_END, i32.add(get(R), i32.const(BATCH_BYTES))),
    control.if(i32.gtU(get(BATCH_END), get(END)), set(BATCH_END, get(END))),
    control.block(
      control.loop(
        control.brIf(1, i32.gtU(i32.add(get(R), i32.const(BLOCK)), get(BATCH_END))),
        processBlock(get(R)),
        set(R, i32.add(get(R), i32.const(BLOCK))),
        control.br(0),
      ),
    ),
    flush(),
    control.brIf(0, i32.leU(i32.add(get(R), i32.const(BLOCK)), get(END))),
  ),
  // The last < 16 bytes go through the same path, padded with 'A' in the scratch area.
  set(TAIL, i32.sub(get(END), get(R))),
  control.if(
    get(TAIL),
    memory.fill(i32.const(SCRATCH), i32.const(PAD), i32.const(SCRATCH_END - SCRATCH - BLOCK)),
    memory.copy(i32.const(SCRATCH), get(R), get(TAIL)),
    processBlock(i32.const(SCRATCH)),
    set(W, i32.sub(get(W), i32.sub(i32.const(BLOCK), get(TAIL)))),
    flush(),
  ),
  addCounter(COUNTER.gc, T_GC),
  addCounter(COUNTER.n, T_N),
  addCounter(COUNTER.ambiguous, T_AMB),
  addCounter(COUNTER.lf, T_LF),
  addCounter(COUNTER.gap, T_GAP),
  control.if(v128.anyTrue(get(OTHER)), i32.store(i32.const(0), i32.const(1), COUNTER.other)),
  get(W),
);

/** The compiled kernel module (imports `env.memory`). */
export const scanKernelModule = new wasm.Module(
  buildModule(
    [
      {
        exportName: 'scan',
        params: [i32Type, i32Type, i32Type],
        results: [i32Type],
        locals: [...Array<ValType>(8).fill(i32Type), ...Array<ValType>(13).fill(v128Type)],
        body: scanBody,
      },
    ],
    1,
  ),
);

export type ScanFunction = (src: number, len: number, dst: number) => number;
