/** Weighted cross-entropy of a parameter set on held-out rows, via the loss graph. */
import type * as ort from 'onnxruntime-node';

import type { Matrix } from '../../cluster/matrix';
import { createSession, runFloat, type Feed } from '../../onnx/session';
import { buildLossGraph } from './loss-graph';
import {
  parameterShapes,
  type LinearModelSpec,
  type Normalization,
  type Parameters,
} from './model';
import { allocateBatch, assembleBatch, type Batch } from './training-data';

// Rows per run: bounds the memory of one evaluation whatever the split size.
const CHUNK_ROWS = 2048;

/** Evaluates sum(w_i ce_i) / sum(w_i) over fixed rows for successive parameter sets. */
export class ValidationLoss {
  private readonly scratch: Batch;

  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly spec: LinearModelSpec,
    private readonly matrix: Matrix,
    private readonly labels: Int32Array,
    private readonly classWeights: Float64Array,
    private readonly rows: Int32Array,
  ) {
    const capacity = Math.min(CHUNK_ROWS, rows.length);
    this.scratch = allocateBatch(capacity, spec.numFeatures, spec.numClasses);
  }

  static async create(
    spec: LinearModelSpec,
    normalization: Normalization,
    data: { matrix: Matrix; labels: Int32Array; classWeights: Float64Array; rows: Int32Array },
    threads: number,
  ): Promise<ValidationLoss> {
    const bytes = buildLossGraph({ spec, normalization, l2: 0 });
    const session = await createSession(bytes, { intraOpThreads: threads });
    return new ValidationLoss(
      session,
      spec,
      data.matrix,
      data.labels,
      data.classWeights,
      data.rows,
    );
  }

  async evaluate(parameters: Parameters): Promise<number> {
    const feeds: Record<string, Feed> = {};
    for (const { name, dims } of parameterShapes(this.spec))
      feeds[name] = { data: parameters[name]!, dims };
    const { numFeatures, numClasses } = this.spec;
    let weighted = 0;
    let weightSum = 0;
    for (let start = 0; start < this.rows.length; start += CHUNK_ROWS) {
      const rows = this.rows.subarray(start, start + CHUNK_ROWS);
      const batch = assembleBatch(
        this.matrix,
        this.labels,
        numClasses,
        this.classWeights,
        rows,
        this.scratch,
      );
      const { sample_loss: sampleLoss } = await runFloat(
        this.session,
        {
          ...feeds,
          features: { data: batch.features, dims: [batch.size, numFeatures] },
          targets: { data: batch.targets, dims: [batch.size, numClasses] },
          sample_weight: { data: batch.sampleWeight, dims: [batch.size] },
        },
        ['sample_loss'],
      );
      for (let i = 0; i < batch.size; i++) {
        weighted += batch.sampleWeight[i]! * sampleLoss!.data[i]!;
        weightSum += batch.sampleWeight[i]!;
      }
    }
    return weighted / weightSum;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
