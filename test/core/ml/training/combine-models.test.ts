import { describe, expect, it } from 'vitest';
import { attr, GraphBuilder } from '../../../../src/core/onnx/graph-builder';
import { createSession, runFloat } from '../../../../src/core/onnx/session';
import { combineModels } from '../../../../src/core/ml/training';

/** probabilities = softmax(x W) with a differently named input and a spare output. */
function tinyModel(input: string, weights: number[]): Uint8Array {
  const g = new GraphBuilder('tiny');
  g.input(input, 'float', ['batch', 2]);
  const w = g.constant({ type: 'float', dims: [2, 2], data: weights });
  const logits = g.op('MatMul', [input, w]);
  g.node('Softmax', [logits], ['probabilities'], {});
  g.node('ArgMax', ['probabilities'], ['label'], { axis: attr.int(1), keepdims: attr.int(0) });
  g.output('probabilities', 'float', ['batch', 2]);
  g.output('label', 'int64', ['batch']);
  return g.toBytes([{ domain: '', version: 17 }]);
}

async function run(bytes: Uint8Array, input: string, x: number[]): Promise<Float32Array> {
  const session = await createSession(bytes);
  const out = await runFloat(
    session,
    { [input]: { data: Float32Array.from(x), dims: [x.length / 2, 2] } },
    ['probabilities'],
  );
  await session.release();
  return out.probabilities!.data;
}

describe('combineModels', () => {
  it('averages the parts with their weights behind one `features` input', async () => {
    const a = tinyModel('alleles', [1, 0, 0, 1]);
    const b = tinyModel('x', [0, 2, 1, 0]);
    const x = [1, 0, 0.5, 2];
    const pa = await run(a, 'alleles', x);
    const pb = await run(b, 'x', x);
    const combined = combineModels(
      [
        { bytes: a, weight: 3 },
        { bytes: b, weight: 1 },
      ],
      2,
      2,
    );
    const session = await createSession(combined);
    expect(session.inputNames).toEqual(['features']);
    expect(session.outputNames).toEqual(['probabilities']);
    await session.release();
    const p = await run(combined, 'features', x);
    p.forEach((value, i) => expect(value).toBeCloseTo(0.75 * pa[i]! + 0.25 * pb[i]!, 6));
    // A single part is passed through, renamed.
    const alone = await run(combineModels([{ bytes: b, weight: 1 }], 2, 2), 'features', x);
    expect(Array.from(alone)).toEqual(Array.from(pb));
  });
});
