/**
 * A small builder for ONNX graphs: inputs, outputs, initializers and nodes by name,
 * serialized to a ModelProto with onnx-proto. Training steps, inference models and
 * tree ensembles are all written through it.
 */
import onnxProto, { type onnx as proto } from 'onnx-proto';

import { encodeAttribute, type AttributeValue } from './attribute';
import { elemTypeCode, encodeTensor, type ElemType, type TensorInit } from './tensor-proto';

export { attr, type AttributeValue } from './attribute';
export { elemTypeCode, type ElemType, type TensorData, type TensorInit } from './tensor-proto';

// onnx-proto is CommonJS with a single `module.exports`, so Node's ESM loader only
// exposes it as the default export.
const { onnx } = onnxProto;

/** A symbolic dimension such as `'batch'`, or a fixed size. */
export type Dim = number | string;

/** An operator set a model imports, e.g. `{ domain: '', version: 17 }`. */
export interface Opset {
  domain: string;
  version: number;
}

function valueInfo(name: string, type: ElemType, shape: Dim[]): proto.IValueInfoProto {
  const dim = shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name, type: { tensorType: { elemType: elemTypeCode(type), shape: { dim } } } };
}

/** The IR version that goes with the default-domain opset (ONNX's versioning table). */
function irVersionFor(opsets: Opset[]): number {
  const core = opsets.find((o) => o.domain === '' || o.domain === 'ai.onnx')?.version ?? 17;
  if (core >= 23) return 11;
  if (core >= 21) return 10;
  if (core >= 19) return 9;
  if (core >= 15) return 8;
  if (core >= 12) return 7;
  return 6;
}

/** Builds one ONNX graph; every value name is defined once (SSA), which it enforces. */
export class GraphBuilder {
  private readonly inputs: proto.IValueInfoProto[] = [];
  private readonly outputs: proto.IValueInfoProto[] = [];
  private readonly initializers: proto.ITensorProto[] = [];
  private readonly nodes: proto.INodeProto[] = [];
  private readonly defined = new Set<string>();
  private counter = 0;

  constructor(readonly name: string) {}

  /** Declares a graph input; returns its name. */
  input(name: string, type: ElemType, shape: Dim[]): string {
    this.define(name);
    this.inputs.push(valueInfo(name, type, shape));
    return name;
  }

  /** Declares a graph output; the name must be produced by a node, input or initializer. */
  output(name: string, type: ElemType, shape: Dim[]): string {
    this.outputs.push(valueInfo(name, type, shape));
    return name;
  }

  /** Adds a constant tensor stored in the model; returns its name. */
  initializer(name: string, tensor: TensorInit): string {
    this.define(name);
    this.initializers.push(encodeTensor(name, tensor));
    return name;
  }

  /** Adds an initializer with a generated unique name; returns that name. */
  constant(tensor: TensorInit, prefix = 'const'): string {
    return this.initializer(this.uniqueName(prefix), tensor);
  }

  /** Adds a scalar initializer with a generated unique name. */
  scalar(value: number, type: ElemType = 'float', prefix = 'const'): string {
    return this.constant({ type, dims: [], data: [value] }, prefix);
  }

  /** Adds a node; returns its output names. `outputs` may be a count (names generated uniquely). */
  node(
    opType: string,
    inputs: string[],
    outputs: string[] | number,
    attributes: Record<string, AttributeValue> = {},
    domain = '',
  ): string[] {
    const names =
      typeof outputs === 'number'
        ? Array.from({ length: outputs }, () => this.uniqueName(opType.toLowerCase()))
        : outputs;
    // An empty name stands for an optional output that is not wanted.
    for (const output of names) if (output !== '') this.define(output);
    this.nodes.push({
      name: `${opType}_${this.nodes.length}`,
      opType,
      domain,
      input: inputs,
      output: names,
      attribute: Object.entries(attributes).map(([key, value]) => encodeAttribute(key, value)),
    });
    return names;
  }

  /** Adds a single-output node and returns that output's name. */
  op(
    opType: string,
    inputs: string[],
    attributes: Record<string, AttributeValue> = {},
    domain = '',
  ): string {
    return this.node(opType, inputs, 1, attributes, domain)[0]!;
  }

  /** Serializes a ModelProto; opsets e.g. [{domain:'', version:17}, {domain:'ai.onnx.ml', version:3}]. */
  toBytes(opsets: Opset[], metadata: Record<string, string> = {}): Uint8Array {
    this.assertTopological();
    const model: proto.IModelProto = {
      irVersion: irVersionFor(opsets),
      opsetImport: opsets.map((o) => ({ domain: o.domain, version: o.version })),
      producerName: 'variantdesk',
      graph: {
        name: this.name,
        input: this.inputs,
        output: this.outputs,
        initializer: this.initializers,
        node: this.nodes,
      },
      metadataProps: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    };
    const error = onnx.ModelProto.verify(model);
    if (error) throw new Error(`invalid ONNX model ${this.name}: ${error}`);
    return onnx.ModelProto.encode(model).finish();
  }

  /** ONNX wants every value defined before the nodes that read it, and outputs to exist. */
  private assertTopological(): void {
    const available = new Set<string>([
      ...this.inputs.map((v) => v.name!),
      ...this.initializers.map((t) => t.name!),
    ]);
    for (const node of this.nodes) {
      for (const input of node.input ?? [])
        if (input !== '' && !available.has(input))
          throw new Error(`${this.name}: node ${node.name} reads ${input} before it is defined`);
      for (const output of node.output ?? []) available.add(output);
    }
    for (const output of this.outputs)
      if (!available.has(output.name!))
        throw new Error(`${this.name}: graph output ${output.name} is never produced`);
  }

  private define(name: string): void {
    if (name === '') throw new Error('ONNX value names must not be empty');
    if (this.defined.has(name)) throw new Error(`ONNX value ${name} is defined twice`);
    this.defined.add(name);
  }

  private uniqueName(prefix: string): string {
    let name: string;
    do name = `${prefix}_${this.counter++}`;
    while (this.defined.has(name));
    return name;
  }
}
