/** The bundle's model.onnx in an onnxruntime session, checked once against the manifest. */
import type * as ort from 'onnxruntime-node';
import { InvalidInputError } from '../../errors';
import { createSession, runSession } from '../onnx/session';

export const INPUT = 'features';
export const OUTPUT = 'probabilities';

export interface ModelSession {
  /** Uncalibrated class probabilities, rows x classes, row-major. */
  probabilities(features: Float32Array, rows: number): Promise<Float32Array | Float64Array>;
  release(): Promise<void>;
}

/**
 * Opens the model and runs one all-zero row to check its input and output against the
 * manifest (`features` [batch, dimension] in, `probabilities` [batch, classes] out).
 * @throws InvalidInputError naming the bundle's model.onnx
 */
export async function openModelSession(
  model: Uint8Array,
  dimension: number,
  classes: number,
  bundle: string,
): Promise<ModelSession> {
  const where = `${bundle}: model.onnx`;
  let session: ort.InferenceSession;
  try {
    session = await createSession(model);
  } catch (error) {
    throw new InvalidInputError(`${where}: onnxruntime cannot load it (${String(error)})`);
  }
  if (!session.inputNames.includes(INPUT) || !session.outputNames.includes(OUTPUT)) {
    await session.release();
    throw new InvalidInputError(
      `${where}: expected input '${INPUT}' and output '${OUTPUT}', found inputs ${session.inputNames.join(', ')} and outputs ${session.outputNames.join(', ')}`,
    );
  }
  const run = async (features: Float32Array, rows: number) => {
    const out = await runSession(
      session,
      { [INPUT]: { data: features, dims: [rows, dimension] } },
      [OUTPUT],
    );
    return out[OUTPUT]!;
  };
  try {
    const probe = await run(new Float32Array(dimension), 1);
    if (probe.dims.length !== 2 || probe.dims[1] !== classes)
      throw new Error(
        `output shape [${probe.dims.join(', ')}], the manifest has ${classes} labels`,
      );
  } catch (error) {
    await session.release();
    const message = error instanceof Error ? error.message : String(error);
    throw new InvalidInputError(`${where}: does not fit the manifest (${message})`);
  }
  return {
    probabilities: async (features, rows) => (await run(features, rows)).data,
    release: () => session.release(),
  };
}
