import type { Matrix } from '../../../src/core/cluster';
import { gaussian, mulberry32 } from '../../../src/core/cluster/random';

/** Seeded Gaussian blobs: `perBlob` rows around each center, with their true labels. */
export function gaussianBlobs(
  centers: number[][],
  perBlob: number,
  spread: number,
  seed = 7,
): { matrix: Matrix; labels: Int32Array } {
  const random = mulberry32(seed);
  const cols = centers[0]!.length;
  const rows = centers.length * perBlob;
  const data = new Float32Array(rows * cols);
  const labels = new Int32Array(rows);
  // Interleave blobs so row order carries no hint of the labels.
  for (let i = 0; i < rows; i++) {
    const blob = i % centers.length;
    labels[i] = blob;
    for (let j = 0; j < cols; j++)
      data[i * cols + j] = centers[blob]![j]! + spread * gaussian(random);
  }
  return { matrix: { rows, cols, data }, labels };
}
