/**
 * The training loop shared by softmax regression and the MLP: seeded split and
 * shuffles, minibatch steps through the ONNX step graph, early stopping on a
 * validation split with the best parameters kept, cancellation between steps.
 */
import { assertMatrix, type Matrix } from '../../cluster/matrix';
import { mulberry32 } from '../../cluster/random';
import { InvalidInputError } from '../../errors';
import { assertSpec, initialParameters, type LinearModelSpec } from './model';
import type { OptimizerConfig } from './optimizer-graph';
import { fitStandardization } from './standardize';
import type { EpochRecord, LinearTrainOptions, TrainResult } from './train-options';
import {
  allocateBatch,
  assembleBatch,
  classWeightsFor,
  dropoutMask,
  shuffleInPlace,
  stratifiedSplit,
} from './training-data';
import { TrainingStep } from './training-step';
import { ValidationLoss } from './validation-loss';

/** Independent seeded streams, so that e.g. the dropout rate does not change the shuffles. */
function stream(seed: number, purpose: number) {
  return mulberry32((seed + Math.imul(purpose, 0x9e3779b9)) >>> 0);
}

function assertLabels(labels: Int32Array, rows: number, numClasses: number): void {
  if (labels.length !== rows)
    throw new InvalidInputError(`expected ${rows} labels, one per row, got ${labels.length}`);
  for (const label of labels)
    if (!(label >= 0 && label < numClasses))
      throw new InvalidInputError(`label ${label} is outside 0..${numClasses - 1}`);
}

/** Trains the model described by `spec`; `dropout` applies to the MLP only. */
export async function trainLinearModel(
  spec: LinearModelSpec,
  matrix: Matrix,
  labels: Int32Array,
  options: LinearTrainOptions & { optimizer: OptimizerConfig; dropout?: number },
): Promise<TrainResult> {
  assertMatrix(matrix);
  assertSpec(spec);
  if (matrix.cols !== spec.numFeatures)
    throw new InvalidInputError(
      `matrix has ${matrix.cols} columns, model expects ${spec.numFeatures}`,
    );
  assertLabels(labels, matrix.rows, spec.numClasses);
  const { optimizer, signal, onProgress } = options;
  const seed = options.seed ?? 0;
  const epochs = options.epochs ?? 100;
  const batchSize = options.batchSize ?? 128;
  const patience = options.patience ?? 10;
  const minDelta = options.minDelta ?? 1e-4;
  const threads = options.threads ?? 1;
  const dropout = spec.kind === 'mlp' ? (options.dropout ?? 0) : 0;
  if (!(dropout >= 0 && dropout < 1)) throw new InvalidInputError('dropout must be in [0, 1)');
  if (!(Number.isInteger(batchSize) && batchSize > 0))
    throw new InvalidInputError('batchSize must be a positive integer');
  if (!(optimizer.learningRate > 0)) throw new InvalidInputError('learningRate must be positive');
  if (!(Number.isInteger(epochs) && epochs > 0 && Number.isInteger(patience) && patience > 0))
    throw new InvalidInputError('epochs and patience must be positive integers');
  const validationFraction = options.validationFraction ?? 0.1;
  if (!(validationFraction >= 0 && validationFraction < 1))
    throw new InvalidInputError('validationFraction must be in [0, 1)');

  const split = stratifiedSplit(labels, spec.numClasses, validationFraction, stream(seed, 1));
  if (split.train.length === 0) throw new InvalidInputError('no training rows');
  const normalization = fitStandardization(matrix, split.train);
  const classWeights = classWeightsFor(options.classWeights, labels, split.train, spec.numClasses);
  signal?.throwIfAborted();
  const trainer = await TrainingStep.create({
    spec,
    normalization,
    optimizer,
    l2: options.l2 ?? 1e-4,
    dropout: dropout > 0,
    parameters: initialParameters(spec, stream(seed, 2)),
    threads,
  });
  let validation: ValidationLoss | undefined;

  try {
    if (split.validation.length > 0)
      validation = await ValidationLoss.create(
        spec,
        normalization,
        { matrix, labels, classWeights, rows: split.validation },
        threads,
      );
    const order = split.train.slice();
    const shuffleRandom = stream(seed, 3);
    const dropoutRandom = stream(seed, 4);
    const stepsPerEpoch = Math.ceil(order.length / batchSize);
    const scratch = allocateBatch(
      Math.min(batchSize, order.length),
      spec.numFeatures,
      spec.numClasses,
    );
    const history: EpochRecord[] = [];
    let best = { loss: Infinity, epoch: 0, parameters: trainer.parameters };
    let stale = 0;
    let steps = 0;

    for (let epoch = 1; epoch <= epochs; epoch++) {
      shuffleInPlace(order, shuffleRandom);
      let lossSum = 0;
      let stepLoss = 0;
      for (let step = 1; step <= stepsPerEpoch; step++) {
        signal?.throwIfAborted();
        const rows = order.subarray((step - 1) * batchSize, step * batchSize);
        const batch = assembleBatch(matrix, labels, spec.numClasses, classWeights, rows, scratch);
        const mask =
          dropout > 0 && spec.kind === 'mlp'
            ? dropoutMask(batch.size * spec.hiddenUnits, dropout, dropoutRandom)
            : undefined;
        const loss = await trainer.run(batch, mask);
        if (!Number.isFinite(loss))
          throw new Error(
            `training diverged (loss ${loss}) at epoch ${epoch}; lower the learning rate`,
          );
        lossSum += loss;
        stepLoss = loss;
        steps++;
        // The epoch's last step is reported below, with the validation loss.
        if (step < stepsPerEpoch) onProgress?.({ epoch, epochs, step, stepsPerEpoch, loss });
      }

      const record: EpochRecord = { epoch, trainLoss: lossSum / stepsPerEpoch };
      if (validation) record.validationLoss = await validation.evaluate(trainer.parameters);
      history.push(record);
      onProgress?.({
        ...{ epoch, epochs, step: stepsPerEpoch, stepsPerEpoch, loss: stepLoss },
        epochLoss: record.trainLoss,
        validationLoss: record.validationLoss,
      });

      if (!validation) {
        best = { loss: record.trainLoss, epoch, parameters: trainer.parameters };
        continue;
      }
      if (record.validationLoss! < best.loss - minDelta) {
        best = { loss: record.validationLoss!, epoch, parameters: trainer.parameters };
        stale = 0;
      } else if (++stale >= patience) {
        break;
      }
    }
    return {
      model: { spec, parameters: best.parameters, normalization },
      history: {
        epochs: history,
        bestEpoch: best.epoch,
        stoppedEarly: history.length < epochs,
        steps,
        trainRows: split.train.length,
        validationRows: split.validation.length,
      },
    };
  } finally {
    await trainer.release();
    await validation?.release();
  }
}
