import { describe, expect, it } from 'vitest';
import { pca } from '../../../src/core/cluster/pca';
import { pcaWithOnnx } from '../../../src/core/cluster/pca-onnx';
import { mulberry32 } from '../../../src/core/cluster/random';

describe('PCA with ONNX Runtime products', () => {
  it('matches the in-thread PCA (same seed) to float32 precision', async () => {
    const random = mulberry32(7);
    const rows = 300;
    const cols = 64;
    const data = new Float32Array(rows * cols);
    // Three groups, each with its own raised columns, plus noise and zeros (sparse spectra).
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++)
        if (random() < 0.6) data[i * cols + j] = random() + (j % 3 === i % 3 ? 1 : 0);
    const matrix = { rows, cols, data };
    const expected = pca(matrix, 4, { seed: 3 });
    const actual = await pcaWithOnnx(matrix, 4, { seed: 3 });
    for (let c = 0; c < 4; c++)
      expect(actual.explainedVarianceRatio[c]).toBeCloseTo(expected.explainedVarianceRatio[c]!, 6);
    let largest = 0;
    for (let i = 0; i < expected.coordinates.length; i++)
      largest = Math.max(largest, Math.abs(actual.coordinates[i]! - expected.coordinates[i]!));
    expect(largest).toBeLessThan(1e-4);
  });

  it('stops when aborted', async () => {
    const matrix = { rows: 20, cols: 8, data: new Float32Array(160).fill(1) };
    await expect(
      pcaWithOnnx(matrix, 2, { signal: AbortSignal.abort(new Error('stop')) }),
    ).rejects.toThrow('stop');
  });
});
