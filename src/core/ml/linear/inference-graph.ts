/** The exported inference model: raw features in, logits and calibrated probabilities out. */
import { InvalidInputError } from '../../errors';
import { GraphBuilder } from '../../onnx/graph-builder';
import { addForward, addNormalization, addTemperatureSoftmax } from './forward-graph';
import { LINEAR_OPSETS } from './graph-helpers';
import { assertSpec, parameterShapes, sizeOf, type LinearModel } from './model';

export interface InferenceModelOptions {
  /** Softmax temperature from calibration: probabilities = softmax(logits / T). Default 1. */
  temperature?: number;
  /** Extra key/value pairs stored in the model's metadata_props. */
  metadata?: Record<string, string>;
}

/**
 * Serializes a trained model as ONNX: input `features` float `[batch, d]` (raw, the
 * standardization is inside the graph), outputs `logits` and `probabilities`
 * `[batch, C]`. Parameters, normalization and temperature are initializers.
 */
export function toInferenceModel(
  model: LinearModel,
  options: InferenceModelOptions = {},
): Uint8Array {
  const { spec, parameters, normalization } = model;
  assertSpec(spec);
  const temperature = options.temperature ?? 1;
  if (!(temperature > 0 && Number.isFinite(temperature)))
    throw new InvalidInputError(`temperature must be positive, got ${temperature}`);
  if (
    normalization.mean.length !== spec.numFeatures ||
    normalization.scale.length !== spec.numFeatures
  )
    throw new InvalidInputError('normalization does not match the number of features');

  const g = new GraphBuilder(`variantdesk_${spec.kind}`);
  const features = g.input('features', 'float', ['batch', spec.numFeatures]);
  for (const { name, dims } of parameterShapes(spec)) {
    const values = parameters[name];
    if (!values || values.length !== sizeOf(dims))
      throw new InvalidInputError(
        `parameter ${name} is missing or not of shape [${dims.join(', ')}]`,
      );
    g.initializer(name, { type: 'float', dims, data: values });
  }
  const norm = addNormalization(g, normalization, 'float');
  const { logits } = addForward(g, spec, features, norm);
  g.node('Identity', [logits], ['logits']);
  const t = g.initializer('temperature', { type: 'float', dims: [], data: [temperature] });
  addTemperatureSoftmax(g, 'logits', t, 'probabilities');
  g.output('logits', 'float', ['batch', spec.numClasses]);
  g.output('probabilities', 'float', ['batch', spec.numClasses]);
  return g.toBytes(LINEAR_OPSETS, {
    'variantdesk.model': spec.kind,
    'variantdesk.temperature': String(temperature),
    ...options.metadata,
  });
}
