/**
 * One ONNX model out of several classifiers that read the same features: each part's graph
 * is copied in with its value names prefixed, its input renamed to `features`, and the
 * parts' `probabilities` averaged with fixed weights into the one output `probabilities`.
 * Nodes no longer needed for that output (labels, nearest-exemplar indices) are dropped.
 */
import onnxProto, { type onnx as proto } from 'onnx-proto';

import { elemTypeCode } from '../../onnx/graph-builder';

// onnx-proto is CommonJS: Node's ESM loader only exposes its default export.
const { onnx } = onnxProto;

export const FEATURES_INPUT = 'features';
export const PROBABILITIES_OUTPUT = 'probabilities';

/** A serialized classifier with one float input and a `probabilities` output. */
export interface ModelPart {
  bytes: Uint8Array;
  /** Weight of its probabilities in the average (weights are normalized to sum to 1). */
  weight: number;
}

function mergeOpsets(models: proto.IModelProto[]): proto.IOperatorSetIdProto[] {
  const versions = new Map<string, number>();
  for (const model of models)
    for (const opset of model.opsetImport ?? []) {
      const domain = opset.domain === 'ai.onnx' ? '' : (opset.domain ?? '');
      versions.set(domain, Math.max(versions.get(domain) ?? 0, Number(opset.version)));
    }
  return [...versions].sort().map(([domain, version]) => ({ domain, version }));
}

/** Nodes (in order) that the given outputs depend on. */
function liveNodes(nodes: proto.INodeProto[], outputs: string[]): proto.INodeProto[] {
  const needed = new Set(outputs);
  const keep = new Array<boolean>(nodes.length).fill(false);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (!(node.output ?? []).some((name) => needed.has(name))) continue;
    keep[i] = true;
    for (const input of node.input ?? []) if (input !== '') needed.add(input);
  }
  return nodes.filter((_, i) => keep[i]);
}

/** The part's graph with names prefixed, input renamed; returns its probabilities' name. */
function absorb(
  model: proto.IModelProto,
  prefix: string,
  into: { nodes: proto.INodeProto[]; initializers: proto.ITensorProto[] },
): string {
  const graph = model.graph!;
  const inputName = graph.input![0]!.name!;
  const rename = (name: string): string =>
    name === '' ? '' : name === inputName ? FEATURES_INPUT : `${prefix}${name}`;
  const output = rename(PROBABILITIES_OUTPUT);
  for (const tensor of graph.initializer ?? [])
    into.initializers.push({ ...tensor, name: rename(tensor.name!) });
  for (const node of liveNodes(graph.node ?? [], [PROBABILITIES_OUTPUT]))
    into.nodes.push({
      ...node,
      name: `${prefix}${node.name ?? ''}`,
      input: (node.input ?? []).map(rename),
      output: (node.output ?? []).map(rename),
    });
  const used = new Set(into.nodes.flatMap((node) => node.input ?? []));
  // Initializers that only fed dropped nodes are dropped too.
  into.initializers.splice(
    0,
    into.initializers.length,
    ...into.initializers.filter((t) => !t.name!.startsWith(prefix) || used.has(t.name!)),
  );
  return output;
}

/**
 * Builds the combined model.
 * @param numFeatures columns of `features`
 * @param numClasses columns of `probabilities`
 */
export function combineModels(
  parts: readonly ModelPart[],
  numFeatures: number,
  numClasses: number,
  metadata: Record<string, string> = {},
): Uint8Array {
  if (parts.length === 0) throw new RangeError('combineModels needs at least one model');
  const total = parts.reduce((sum, part) => sum + part.weight, 0);
  if (!(total > 0) || parts.some((part) => !(part.weight >= 0)))
    throw new RangeError('model weights must be non-negative with a positive sum');
  const models = parts.map((part) => onnx.ModelProto.decode(part.bytes));
  const into = { nodes: [] as proto.INodeProto[], initializers: [] as proto.ITensorProto[] };
  const FLOAT = elemTypeCode('float');
  const terms: string[] = [];
  models.forEach((model, i) => {
    const probabilities = absorb(model, `m${i}_`, into);
    if (parts.length === 1) {
      into.nodes.push({ opType: 'Identity', input: [probabilities], output: ['combined_0'] });
      terms.push('combined_0');
      return;
    }
    const weight = `m${i}_combine_weight`;
    into.initializers.push({
      name: weight,
      dataType: FLOAT,
      dims: [],
      floatData: [parts[i]!.weight / total],
    });
    into.nodes.push({ opType: 'Mul', input: [probabilities, weight], output: [`combined_${i}`] });
    terms.push(`combined_${i}`);
  });
  into.nodes.push({ opType: 'Sum', input: terms, output: [PROBABILITIES_OUTPUT] });
  into.nodes.forEach((node, i) => (node.name = `${node.opType}_${i}`));
  const dims = (shape: (number | string)[]): proto.TensorShapeProto.IDimension[] =>
    shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  const valueInfo = (name: string, shape: (number | string)[]): proto.IValueInfoProto => ({
    name,
    type: { tensorType: { elemType: FLOAT, shape: { dim: dims(shape) } } },
  });
  const model: proto.IModelProto = {
    irVersion: Math.max(...models.map((m) => Number(m.irVersion ?? 8))),
    opsetImport: mergeOpsets(models),
    producerName: 'variantdesk',
    graph: {
      name: 'variantdesk_classifier',
      input: [valueInfo(FEATURES_INPUT, ['batch', numFeatures])],
      output: [valueInfo(PROBABILITIES_OUTPUT, ['batch', numClasses])],
      initializer: into.initializers,
      node: into.nodes,
    },
    metadataProps: Object.entries(metadata).map(([key, value]) => ({ key, value })),
  };
  const error = onnx.ModelProto.verify(model);
  if (error) throw new Error(`invalid combined ONNX model: ${error}`);
  return onnx.ModelProto.encode(model).finish();
}
