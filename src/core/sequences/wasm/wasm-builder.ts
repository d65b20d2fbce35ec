/**
 * A minimal WebAssembly encoder: just the instructions the scan kernel uses, written as
 * folded expressions (`i32.add(a, b)` emits a, b, then the opcode), so the kernel reads like
 * WAT and the project needs no wasm toolchain.
 */

export type Code = readonly number[];

const I32 = 0x7f;
const V128 = 0x7b;
export type ValType = typeof I32 | typeof V128;
export const i32Type: ValType = I32;
export const v128Type: ValType = V128;

function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

function sleb(value: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const seq = (...parts: Code[]): Code => parts.flat();
const simd = (op: number): number[] => [0xfd, ...uleb(op)];
const unary =
  (op: number[]) =>
  (a: Code): Code => [...a, ...op];
const binary =
  (op: number[]) =>
  (a: Code, b: Code): Code => [...a, ...b, ...op];
const memarg = (align: number, offset: number): number[] => [...uleb(align), ...uleb(offset)];

export const local = {
  get: (index: number): Code => [0x20, ...uleb(index)],
  set: (index: number, value: Code): Code => [...value, 0x21, ...uleb(index)],
};

export const i32 = {
  const: (value: number): Code => [0x41, ...sleb(value | 0)],
  add: binary([0x6a]),
  sub: binary([0x6b]),
  and: binary([0x71]),
  eqz: unary([0x45]),
  gtU: binary([0x4b]),
  leU: binary([0x4d]),
  ctz: unary([0x68]),
  load: (address: Code, offset = 0): Code => [...address, 0x28, ...memarg(2, offset)],
  store: (address: Code, value: Code, offset = 0): Code => [
    ...address,
    ...value,
    0x36,
    ...memarg(2, offset),
  ],
};

export const v128 = {
  load: (address: Code): Code => [...address, ...simd(0x00), ...memarg(0, 0)],
  store: (address: Code, value: Code): Code => [
    ...address,
    ...value,
    ...simd(0x0b),
    ...memarg(0, 0),
  ],
  /** 16 byte lanes. */
  bytes: (lanes: readonly number[]): Code => {
    if (lanes.length !== 16) throw new Error('v128.const needs 16 lanes');
    return [...simd(0x0c), ...lanes.map((lane) => lane & 0xff)];
  },
  splat8: (lane: number): Code => v128.bytes(new Array<number>(16).fill(lane)),
  zero: (): Code => v128.splat8(0),
  and: binary(simd(0x4e)),
  or: binary(simd(0x50)),
  anyTrue: unary(simd(0x53)),
};

export const i8x16 = {
  swizzle: binary(simd(0x0e)),
  eq: binary(simd(0x23)),
  ne: binary(simd(0x24)),
  bitmask: unary(simd(0x64)),
  shl: binary(simd(0x6b)),
  shrU: binary(simd(0x6d)),
  add: binary(simd(0x6e)),
  sub: binary(simd(0x71)),
};

export const i16x8 = {
  extaddPairwiseI8x16S: unary(simd(0x7c)),
  extaddPairwiseI8x16U: unary(simd(0x7d)),
};

export const i32x4 = {
  extaddPairwiseI16x8S: unary(simd(0x7e)),
  extaddPairwiseI16x8U: unary(simd(0x7f)),
  add: binary(simd(0xae)),
  sub: binary(simd(0xb1)),
  extractLane: (value: Code, lane: number): Code => [...value, ...simd(0x1b), lane],
};

export const memory = {
  copy: (dst: Code, src: Code, size: Code): Code => [...dst, ...src, ...size, 0xfc, 10, 0, 0],
  fill: (dst: Code, value: Code, size: Code): Code => [...dst, ...value, ...size, 0xfc, 11, 0],
};

/** Structured control; `br(depth)` counts enclosing blocks/loops/ifs from 0 (innermost). */
export const control = {
  block: (...body: Code[]): Code => [0x02, 0x40, ...seq(...body), 0x0b],
  loop: (...body: Code[]): Code => [0x03, 0x40, ...seq(...body), 0x0b],
  if: (condition: Code, ...then: Code[]): Code => [...condition, 0x04, 0x40, ...seq(...then), 0x0b],
  ifElse: (condition: Code, then: Code[], otherwise: Code[]): Code => [
    ...condition,
    0x04,
    0x40,
    ...seq(...then),
    0x05,
    ...seq(...otherwise),
    0x0b,
  ],
  br: (depth: number): Code => [0x0c, ...uleb(depth)],
  brIf: (depth: number, condition: Code): Code => [...condition, 0x0d, ...uleb(depth)],
  return: (value: Code): Code => [...value, 0x0f],
  call: (index: number, ...args: Code[]): Code => [...seq(...args), 0x10, ...uleb(index)],
};

export { seq };

export interface FunctionDef {
  exportName?: string;
  params: ValType[];
  results: ValType[];
  locals: ValType[];
  body: Code;
}

function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function name(text: string): number[] {
  const bytes = [...Buffer.from(text, 'utf8')];
  return [...uleb(bytes.length), ...bytes];
}

/** A module importing `env.memory` (at least `minPages` pages) and defining `functions`. */
export function buildModule(functions: FunctionDef[], minPages: number): Uint8Array {
  const types = functions.map((f) => [
    0x60,
    ...vec(f.params.map((t) => [t])),
    ...vec(f.results.map((t) => [t])),
  ]);
  const imports = vec([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(minPages)]]);
  const exported = functions.flatMap((f, index) =>
    f.exportName ? [[...name(f.exportName), 0x00, ...uleb(index)]] : [],
  );
  const bodies = functions.map((f) => {
    const locals = vec(f.locals.map((t) => [1, t]));
    const body = [...locals, ...f.body, 0x0b];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, imports),
    ...section(3, vec(functions.map((_, index) => uleb(index)))),
    ...section(7, vec(exported)),
    ...section(10, vec(bodies)),
  ]);
}
