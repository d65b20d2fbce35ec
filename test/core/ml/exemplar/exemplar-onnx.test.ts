import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/core/cluster/random';
import {
  exemplarClassifierToOnnx,
  oneHotAlleles,
  predictNearestExemplars,
  type ExemplarSet,
  type ExemplarVoteOptions,
} from '../../../../src/core/ml/exemplar';
import { createSession } from '../../../../src/core/onnx/session';

function randomSet(
  width: 4 | 5,
  seed: number,
  exemplarsKnown = false,
): { set: ExemplarSet; queries: Uint8Array } {
  const random = mulberry32(seed);
  const positions = 60;
  const m = 40;
  // Codes 0..5: unknowns and gaps included; few alleles per position so ties occur.
  const code = (): number =>
    random() < 0.1 ? 0 : random() < 0.1 ? 5 : 1 + Math.floor(random() * 2);
  const codes = Uint8Array.from({ length: m * positions }, () =>
    exemplarsKnown ? 1 + Math.floor(random() * 2) : code(),
  );
  const labels = Int32Array.from({ length: m }, (_, e) => e % 3);
  const queries = Uint8Array.from({ length: 9 * positions }, code);
  return { set: { positions, codes, labels, nClasses: 3, width }, queries };
}

const variants: [
  4 | 5,
  ExemplarVoteOptions & { siteWeights?: boolean; exemplarsKnown?: boolean },
][] = [
  [5, { k: 5 }],
  [5, { k: 7, normalize: true }],
  [4, { k: 3, weighting: 'inverse' }],
  [4, { k: 1, tau: 2 }],
  [4, { k: 3, siteWeights: true }],
  [5, { k: 5, normalize: true, siteWeights: true }],
  [4, { k: 3, exemplarsKnown: true }],
  [5, { k: 4, normalize: true, siteWeights: true, exemplarsKnown: true }],
];

describe('exemplarClassifierToOnnx', () => {
  for (const [width, options] of variants) {
    it(`matches the TypeScript reference (width ${width}, ${JSON.stringify(options)})`, async () => {
      const { set, queries } = randomSet(
        width,
        width * 10 + (options.k ?? 0),
        options.exemplarsKnown,
      );
      // Clade-defining sites weigh 5 (every third position here).
      if (options.siteWeights)
        set.siteWeights = Uint8Array.from({ length: set.positions }, (_, p) => (p % 3 ? 1 : 5));
      const matrix = oneHotAlleles(queries, 9, set.positions, width);
      const session = await createSession(exemplarClassifierToOnnx(set, options));
      const out = await session.run({
        alleles: new ort.Tensor('float32', matrix.data, [matrix.rows, matrix.cols]),
      });
      const expected = predictNearestExemplars(set, matrix, options);
      expect(Array.from(out.nearest_index!.data as BigInt64Array, Number)).toEqual(
        Array.from(expected.nearestIndex),
      );
      expect(Array.from(out.nearest_distance!.data as Float32Array)).toEqual(
        Array.from(expected.nearestDistance),
      );
      const probabilities = out.probabilities!.data as Float32Array;
      expect(out.probabilities!.dims).toEqual([9, 3]);
      for (let i = 0; i < probabilities.length; i++)
        expect(Math.abs(probabilities[i]! - expected.probabilities[i]!)).toBeLessThan(1e-5);
      const label = Array.from(out.label!.data as BigInt64Array, Number);
      for (let r = 0; r < 9; r++) {
        const p = probabilities.subarray(r * 3, r * 3 + 3);
        expect(label[r]).toBe(p.indexOf(Math.max(...p)));
      }
    });
  }

  it('stores the exemplars as uint8, not float', () => {
    const { set } = randomSet(5, 1);
    const bytes = exemplarClassifierToOnnx(set, { k: 3 });
    // One-hot + known matrices as bytes, plus a small float label matrix and graph.
    expect(bytes.length).toBeLessThan(set.positions * 6 * 40 + 40 * 3 * 4 + 4000);
  });

  it('stores only the alleles the exemplars carry', () => {
    // Exemplars known everywhere, with A or C only: 2 of 4 one-hot columns per position.
    const { set } = randomSet(4, 2, true);
    const bytes = exemplarClassifierToOnnx(set, { k: 3 });
    expect(bytes.length).toBeGreaterThan(set.positions * 2 * 40);
    expect(bytes.length).toBeLessThan(
      set.positions * 2 * 40 + set.positions * 12 + 40 * 3 * 4 + 4000,
    );
  });
});
