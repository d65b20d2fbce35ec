/** Creating and running onnxruntime-node sessions from in-memory model bytes. */
// First: onnxruntime's telemetry must be off before it creates its environment.
import './telemetry-off';
import * as ort from 'onnxruntime-node';

/** A dense tensor as plain data: row-major values and a shape. */
export interface DenseTensor<T extends Float32Array | Float64Array = Float32Array> {
  data: T;
  dims: number[];
}

export interface SessionOptions {
  /** Threads inside one operator (GEMM). Defaults to 1, which also keeps runs bit-reproducible. */
  intraOpThreads?: number;
}

/** Creates an InferenceSession from serialized ONNX bytes. */
export async function createSession(
  bytes: Uint8Array,
  options: SessionOptions = {},
): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(bytes, {
    intraOpNumThreads: options.intraOpThreads ?? 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
}

/** A float32 tensor; `dims` defaults to a vector. */
export function floatTensor(data: Float32Array, dims: number[] = [data.length]): ort.Tensor {
  return new ort.Tensor('float32', data, dims);
}

/** A float64 tensor; `dims` defaults to a vector. */
export function doubleTensor(data: Float64Array, dims: number[] = [data.length]): ort.Tensor {
  return new ort.Tensor('float64', data, dims);
}

/** An int64 tensor from numbers or bigints; `dims` defaults to a vector. */
export function int64Tensor(
  data: BigInt64Array | ArrayLike<number>,
  dims: number[] = [data.length],
): ort.Tensor {
  const values =
    data instanceof BigInt64Array ? data : BigInt64Array.from(Array.from(data, (v) => BigInt(v)));
  return new ort.Tensor('int64', values, dims);
}

/** A tensor fed to `runSession`: plain float data or a ready ort.Tensor. */
export type Feed = DenseTensor<Float32Array | Float64Array> | ort.Tensor;

function toOrtTensor(feed: Feed): ort.Tensor {
  // ort.Tensor is declared as an interface, so `instanceof` does not narrow the union.
  if (feed instanceof ort.Tensor) return feed as ort.Tensor;
  const { data, dims } = feed as DenseTensor<Float32Array | Float64Array>;
  return data instanceof Float64Array ? doubleTensor(data, dims) : floatTensor(data, dims);
}

/**
 * Runs a session and returns the requested outputs (all, by default) as plain float
 * tensors. Fails on outputs that are not float32/float64.
 */
export async function runSession(
  session: ort.InferenceSession,
  feeds: Record<string, Feed>,
  outputNames: readonly string[] = session.outputNames,
): Promise<Record<string, DenseTensor<Float32Array | Float64Array>>> {
  const ortFeeds: Record<string, ort.Tensor> = {};
  for (const [name, feed] of Object.entries(feeds)) ortFeeds[name] = toOrtTensor(feed);
  const results = await session.run(ortFeeds, [...outputNames]);
  const out: Record<string, DenseTensor<Float32Array | Float64Array>> = {};
  for (const name of outputNames) {
    const tensor = results[name];
    if (!tensor) throw new Error(`session returned no output ${name}`);
    if (!(tensor.data instanceof Float32Array || tensor.data instanceof Float64Array))
      throw new TypeError(`output ${name} is ${tensor.type}, not a float tensor`);
    out[name] = { data: tensor.data, dims: [...tensor.dims] };
  }
  return out;
}

/** Like `runSession`, for graphs whose outputs are all float32. */
export async function runFloat(
  session: ort.InferenceSession,
  feeds: Record<string, Feed>,
  outputNames: readonly string[] = session.outputNames,
): Promise<Record<string, DenseTensor>> {
  const out = await runSession(session, feeds, outputNames);
  for (const [name, tensor] of Object.entries(out))
    if (!(tensor.data instanceof Float32Array))
      throw new TypeError(`output ${name} is float64, expected float32`);
  return out as Record<string, DenseTensor>;
}
