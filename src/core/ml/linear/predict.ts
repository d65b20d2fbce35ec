/** Class probabilities of a trained model, computed by its exported ONNX graph. */
import type { Matrix } from '../../cluster/matrix';
import { createSession, runFloat } from '../../onnx/session';
import { toInferenceModel, type InferenceModelOptions } from './inference-graph';
import type { LinearModel } from './model';

/** Runs the inference model on raw feature rows; returns row-major `[rows, C]` arrays. */
export async function predictLinear(
  model: LinearModel,
  matrix: Matrix,
  options: InferenceModelOptions & { threads?: number } = {},
): Promise<{ logits: Float32Array; probabilities: Float32Array }> {
  const session = await createSession(toInferenceModel(model, options), {
    intraOpThreads: options.threads ?? 1,
  });
  try {
    const out = await runFloat(session, {
      features: { data: matrix.data, dims: [matrix.rows, matrix.cols] },
    });
    return { logits: out.logits!.data, probabilities: out.probabilities!.data };
  } finally {
    await session.release();
  }
}
