/** The bundle's model.onnx in an onnxruntime session, checked once against the manifest. */
import type * as ort from 'onnxruntime-node';
import { InvalidInputError } from '../errors';
import { createSession, runSession, type DenseTensor } from '../onnx/session';

export const INPUT = 'features';
export const OUTPUT = 'probabilities';

export interface ModelSession {
  /** Uncalibrated class probabilities, rows x classes, row-major. */
  probabilities(features: Float32Array, rows: number): Promise<Float32Array | Float64Array>;
  release(): Promise<void>;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Why a probe's output does not fit `classes` labels, or null when it does. */
function probeMismatch(
  probe: DenseTensor<Float32Array | Float64Array>,
  classes: number,
): string | null {
  if (probe.dims.length !== 2 || probe.dims[0] !== 1)
    return `gives an output of shape [${probe.dims.join(', ')}] for one row, expected [1, ${classes}]`;
  if (probe.dims[1] !== classes)
    return `gives ${probe.dims[1]} probabilities but the label map has ${classes}`;
  if (!probe.data.every(Number.isFinite)) return 'gives non-finite probabilities for a zero input';
  return null;
}

async function loadSession(model: Uint8Array, where: string): Promise<ort.InferenceSession> {
  try {
    return await createSession(model);
  } catch (error) {
    throw new InvalidInputError(`${where} does not load: ${messageOf(error)}`);
  }
}

/**
 * Opens the model and runs one all-zero row to check its input and output against the
 * manifest (`features` [batch, dimension] in, `probabilities` [batch, classes] out).
 * @throws InvalidInputError naming the bundle's model.onnx and what is wrong
 */
export async function openModelSession(
  model: Uint8Array,
  dimension: number,
  classes: number,
  bundle: string,
): Promise<ModelSession> {
  const where = `${bundle}: model.onnx`;
  const session = await loadSession(model, where);
  const run = async (features: Float32Array, rows: number) => {
    const out = await runSession(
      session,
      { [INPUT]: { data: features, dims: [rows, dimension] } },
      [OUTPUT],
    );
    return out[OUTPUT]!;
  };
  const refuse = async (detail: string): Promise<never> => {
    await session.release();
    throw new InvalidInputError(`${where} ${detail}`);
  };
  if (!session.inputNames.includes(INPUT) || !session.outputNames.includes(OUTPUT))
    await refuse(
      `does not fit the manifest: expected input '${INPUT}' and output '${OUTPUT}', found inputs ${session.inputNames.join(', ')} and outputs ${session.outputNames.join(', ')}`,
    );
  let probe: DenseTensor<Float32Array | Float64Array>;
  try {
    probe = await run(new Float32Array(dimension), 1);
  } catch (error) {
    return refuse(
      `does not run on a zero input of the featurizer's ${dimension} features: ${messageOf(error)}`,
    );
  }
  const mismatch = probeMismatch(probe, classes);
  if (mismatch) await refuse(mismatch);
  return {
    probabilities: async (features, rows) => (await run(features, rows)).data,
    release: () => session.release(),
  };
}

/**
 * The load check of an import: the model opens and answers a zero row with one finite
 * probability per label, or the bundle is refused.
 * @throws InvalidInputError as `openModelSession`
 */
export async function checkModelLoads(
  model: Uint8Array,
  dimension: number,
  classes: number,
  bundle: string,
): Promise<void> {
  const session = await openModelSession(model, dimension, classes, bundle);
  await session.release();
}
