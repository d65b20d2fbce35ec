/** Small constants shared by the linear-model graphs. */
import type { GraphBuilder } from '../../onnx/graph-builder';

/** Floating-point type of a graph: float32 in production, float64 for gradient checks. */
export type FloatType = 'float' | 'double';

/** The opset every linear-model graph imports. */
export const LINEAR_OPSETS = [{ domain: '', version: 17 }];

/** An int64 initializer holding reduction or unsqueeze axes. */
export function axesConstant(g: GraphBuilder, axes: number[]): string {
  return g.constant({ type: 'int64', dims: [axes.length], data: axes }, 'axes');
}

/** A scalar initializer of the graph's float type. */
export function floatScalar(g: GraphBuilder, value: number, dtype: FloatType): string {
  return g.scalar(value, dtype);
}
