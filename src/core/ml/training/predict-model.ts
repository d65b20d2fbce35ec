/** Runs a serialized classifier (`features` -> `probabilities`) over the rows of a matrix. */
import type { Matrix } from '../../cluster/matrix';
import { createSession, runFloat } from '../../onnx/session';
import { FEATURES_INPUT, PROBABILITIES_OUTPUT } from './combine-models';

// Rows per run: bounds the memory of the exemplar distances (rows x exemplars floats).
const CHUNK_ROWS = 512;

/** Probabilities (rows x numClasses, row-major) of `rows` of `matrix`. */
export async function predictRows(
  bytes: Uint8Array,
  matrix: Matrix,
  rows: ArrayLike<number>,
  numClasses: number,
): Promise<Float32Array> {
  const session = await createSession(bytes);
  const { cols } = matrix;
  const out = new Float32Array(rows.length * numClasses);
  try {
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      const end = Math.min(rows.length, start + CHUNK_ROWS);
      const batch = new Float32Array((end - start) * cols);
      for (let i = start; i < end; i++) {
        const row = rows[i]!;
        batch.set(matrix.data.subarray(row * cols, (row + 1) * cols), (i - start) * cols);
      }
      const result = await runFloat(
        session,
        { [FEATURES_INPUT]: { data: batch, dims: [end - start, cols] } },
        [PROBABILITIES_OUTPUT],
      );
      out.set(result[PROBABILITIES_OUTPUT]!.data, start * numClasses);
    }
    return out;
  } finally {
    await session.release();
  }
}
