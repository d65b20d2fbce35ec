/** Runs the training step graph and carries parameters and optimizer state between steps. */
import type * as ort from 'onnxruntime-node';

import { createSession, runFloat, type Feed } from '../../onnx/session';
import {
  parameterShapes,
  sizeOf,
  type LinearModelSpec,
  type Normalization,
  type ParameterShape,
  type Parameters,
} from './model';
import {
  nextName,
  optimizerStateShapes,
  type OptimizerConfig,
  type StateShape,
} from './optimizer-graph';
import { buildTrainingStepGraph } from './step-graph';
import type { Batch } from './training-data';

export class TrainingStep {
  private readonly shapes: ParameterShape[];
  private readonly stateShapes: StateShape[];
  private readonly learningRate: Feed;
  private state: Parameters = {};

  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly spec: LinearModelSpec,
    optimizer: OptimizerConfig,
    /** The current parameters; each step replaces the object, never mutates it. */
    public parameters: Parameters,
  ) {
    this.shapes = parameterShapes(spec);
    this.stateShapes = optimizerStateShapes(optimizer, this.shapes);
    for (const { name, dims } of this.stateShapes)
      this.state[name] = new Float32Array(sizeOf(dims));
    this.learningRate = { data: new Float32Array([optimizer.learningRate]), dims: [] };
  }

  /** Builds the step graph and its session, starting from `parameters` and zero state. */
  static async create(options: {
    spec: LinearModelSpec;
    normalization: Normalization;
    optimizer: OptimizerConfig;
    l2: number;
    dropout: boolean;
    parameters: Parameters;
    threads: number;
  }): Promise<TrainingStep> {
    const { spec, normalization, optimizer, l2 } = options;
    const bytes = buildTrainingStepGraph({
      spec,
      normalization,
      optimizer,
      l2,
      dropoutMask: options.dropout,
    });
    const session = await createSession(bytes, { intraOpThreads: options.threads });
    return new TrainingStep(session, spec, optimizer, options.parameters);
  }

  /** One optimizer update on `batch`; returns the batch loss before the update. */
  async run(batch: Batch, dropoutMask?: Float32Array): Promise<number> {
    const { numFeatures, numClasses } = this.spec;
    const feeds: Record<string, Feed> = {
      learning_rate: this.learningRate,
      features: { data: batch.features, dims: [batch.size, numFeatures] },
      targets: { data: batch.targets, dims: [batch.size, numClasses] },
      sample_weight: { data: batch.sampleWeight, dims: [batch.size] },
    };
    for (const { name, dims } of this.shapes) feeds[name] = { data: this.parameters[name]!, dims };
    for (const { name, dims } of this.stateShapes) feeds[name] = { data: this.state[name]!, dims };
    if (dropoutMask)
      feeds.dropout_mask = {
        data: dropoutMask,
        dims: [batch.size, dropoutMask.length / batch.size],
      };
    const out = await runFloat(this.session, feeds);
    const next = (shapes: readonly StateShape[]) =>
      Object.fromEntries(shapes.map(({ name }) => [name, out[nextName(name)]!.data]));
    this.parameters = next(this.shapes);
    this.state = next(this.stateShapes);
    return out.loss!.data[0]!;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
