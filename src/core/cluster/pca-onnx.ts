/**
 * PCA with its two large products (X·B and Xᵀ·P, ~95% of the time) run by ONNX Runtime's
 * GEMM on two threads instead of JavaScript loops: at 10,000 x 4,096 spectra the PCA takes
 * well under a second instead of tens of seconds. Same algorithm and seed as `pca`; the
 * products are float32, so coordinates agree with `pca` to ~1e-5 relative.
 */
import type * as ort from 'onnxruntime-node';
import { GraphBuilder, attr } from '../onnx/graph-builder';
import { createSession, floatTensor } from '../onnx/session';
import type { Matrix } from './matrix';
import { pcaSteps, type PcaOptions, type PcaResult, type ProductRequest } from './pca';

/** One MatMul (or Gemm with A transposed) of the data with a float input `right`. */
function productModel(kind: ProductRequest['kind']): Uint8Array {
  const graph = new GraphBuilder(`pca-${kind}`);
  const x = graph.input('x', 'float', ['rows', 'cols']);
  const right = graph.input('right', 'float', [kind === 'times' ? 'cols' : 'rows', 'width']);
  if (kind === 'times') graph.node('MatMul', [x, right], ['out']);
  else graph.node('Gemm', [x, right], ['out'], { transA: attr.int(1) });
  graph.output('out', 'float', [kind === 'times' ? 'rows' : 'cols', 'width']);
  return graph.toBytes([{ domain: '', version: 17 }]);
}

export interface OnnxPcaOptions extends PcaOptions {
  /** GEMM threads. Default 2. */
  threads?: number;
  signal?: AbortSignal;
}

export async function pcaWithOnnx(
  matrix: Matrix,
  components = 2,
  options: OnnxPcaOptions = {},
): Promise<PcaResult> {
  const threads = options.threads ?? 2;
  const sessions: Record<ProductRequest['kind'], ort.InferenceSession> = {
    times: await createSession(productModel('times'), { intraOpThreads: threads }),
    transposeTimes: await createSession(productModel('transposeTimes'), {
      intraOpThreads: threads,
    }),
  };
  const x = floatTensor(matrix.data, [matrix.rows, matrix.cols]);
  try {
    const steps = pcaSteps(matrix, components, options);
    let step = steps.next();
    while (!step.done) {
      options.signal?.throwIfAborted();
      const { kind, right, width } = step.value;
      const rightRows = kind === 'times' ? matrix.cols : matrix.rows;
      const result = await sessions[kind].run({
        x,
        right: floatTensor(Float32Array.from(right), [rightRows, width]),
      });
      step = steps.next(Float64Array.from(result['out']!.data as Float32Array));
    }
    return step.value;
  } finally {
    await Promise.all([sessions.times.release(), sessions.transposeTimes.release()]);
  }
}
