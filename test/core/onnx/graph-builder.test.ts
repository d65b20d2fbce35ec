import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';

import { attr, GraphBuilder } from '../../../src/core/onnx/graph-builder';
import {
  createSession,
  int64Tensor,
  runFloat,
  runSession,
} from '../../../src/core/onnx/session';

const { onnx } = onnxProto;

describe('GraphBuilder', () => {
  it('builds a MatMul + Add graph that onnxruntime evaluates to the hand-computed values', async () => {
    const g = new GraphBuilder('affine');
    g.input('x', 'float', ['batch', 3]);
    g.initializer('w', { type: 'float', dims: [3, 2], data: [1, 2, 3, 4, 5, 6] });
    g.initializer('b', { type: 'float', dims: [2], data: new Float32Array([0.5, -1]) });
    const [xw] = g.node('MatMul', ['x', 'w'], 1);
    g.node('Add', [xw!, 'b'], ['y']);
    g.output('y', 'float', ['batch', 2]);
    const session = await createSession(g.toBytes([{ domain: '', version: 17 }]));

    const x = new Float32Array([1, 0, -1, 2, 1, 0.5]);
    const { y } = await runFloat(session, { x: { data: x, dims: [2, 3] } });
    // [1,0,-1]·w = [1-5, 2-6] = [-4,-4]; [2,1,0.5]·w = [2+3+2.5, 4+4+3] = [7.5, 11]
    expect(Array.from(y!.data)).toEqual([-3.5, -5, 8, 10]);
    expect(y!.dims).toEqual([2, 2]);
  });

  it('writes attributes, int64 and double tensors, metadata and several opsets', async () => {
    const g = new GraphBuilder('reduce');
    g.input('x', 'double', [2, 3]);
    g.input('axes', 'int64', [1]);
    const sum = g.op('ReduceSum', ['x', 'axes'], { keepdims: attr.int(0) });
    const scale = g.initializer('scale', { type: 'double', dims: [], data: [0.25] });
    g.node('Mul', [sum, scale], ['scaled']);
    g.node('Constant', [], ['c'], {
      value: attr.tensor({ type: 'float', dims: [2], data: [7, 8] }),
    });
    g.node('LeakyRelu', ['c'], ['leaky'], { alpha: attr.float(0.5) });
    g.output('scaled', 'double', [2]);
    g.output('leaky', 'float', [2]);
    const bytes = g.toBytes(
      [
        { domain: '', version: 17 },
        { domain: 'ai.onnx.ml', version: 3 },
      ],
      { task: 'test' },
    );

    const decoded = onnx.ModelProto.decode(bytes);
    expect(decoded.metadataProps.map((p) => [p.key, p.value])).toEqual([['task', 'test']]);
    expect(decoded.opsetImport.map((o) => o.domain)).toEqual(['', 'ai.onnx.ml']);
    expect(Number(decoded.irVersion)).toBe(8);

    const session = await createSession(bytes);
    const out = await runSession(session, {
      x: { data: new Float64Array([1, 2, 3, 4, 5, 6]), dims: [2, 3] },
      axes: int64Tensor([1]),
    });
    expect(out.scaled!.data).toBeInstanceOf(Float64Array);
    expect(Array.from(out.scaled!.data)).toEqual([1.5, 3.75]);
    expect(Array.from(out.leaky!.data)).toEqual([7, 8]);
  });

  it('generates unique output names and refuses a name defined twice', () => {
    const g = new GraphBuilder('names');
    g.input('x', 'float', [1]);
    const [a] = g.node('Relu', ['x'], 1);
    const [b] = g.node('Relu', ['x'], 1);
    expect(a).not.toBe(b);
    expect(() => g.node('Relu', ['x'], [a!])).toThrow(/defined twice/);
    expect(() => g.initializer('x', { type: 'float', dims: [1], data: [0] })).toThrow(/twice/);
  });

  it('refuses to serialize a graph that reads or outputs an undefined value', () => {
    const opsets = [{ domain: '', version: 17 }];
    const forward = new GraphBuilder('forward');
    forward.input('x', 'float', [1]);
    forward.node('Add', ['x', 'later'], ['y']);
    forward.node('Relu', ['x'], ['later']);
    forward.output('y', 'float', [1]);
    expect(() => forward.toBytes(opsets)).toThrow(/reads later before it is defined/);

    const missing = new GraphBuilder('missing');
    missing.input('x', 'float', [1]);
    missing.output('y', 'float', [1]);
    expect(() => missing.toBytes(opsets)).toThrow(/output y is never produced/);
  });

  it('rejects tensor data that does not fill the shape', () => {
    const g = new GraphBuilder('bad');
    expect(() => g.initializer('w', { type: 'float', dims: [2, 2], data: [1, 2, 3] })).toThrow(
      /3 values, expected 4/,
    );
  });

  it('round-trips string and bool initializers through onnxruntime', async () => {
    const g = new GraphBuilder('strings');
    g.input('i', 'int64', [1]);
    g.initializer('labels', { type: 'string', dims: [3], data: ['B.1.1.7', 'BA.2', 'XBB'] });
    g.initializer('flags', { type: 'bool', dims: [3], data: [1, 0, 1] });
    g.node('Gather', ['labels', 'i'], ['label']);
    g.node('Gather', ['flags', 'i'], ['flag']);
    g.output('label', 'string', [1]);
    g.output('flag', 'bool', [1]);
    const session = await createSession(g.toBytes([{ domain: '', version: 17 }]));
    const out = await session.run({ i: int64Tensor([1]) });
    expect(out.label!.data).toEqual(['BA.2']);
    expect(Array.from(out.flag!.data as Uint8Array)).toEqual([0]);
  });
});
