/** Encoding of constant tensors (initializers, tensor attributes) as ONNX TensorProto. */
import onnxProto, { type onnx as proto } from 'onnx-proto';

const { onnx } = onnxProto;

/** Element types the builder writes. `double` is used where float64 precision matters. */
export type ElemType = 'float' | 'double' | 'int64' | 'int32' | 'bool' | 'string' | 'uint8';

/** Values of a tensor in row-major order; `bool` takes 0/1 numbers or a Uint8Array. */
export type TensorData =
  Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array | number[] | string[];

/** A constant tensor: element type, shape (`[]` for a scalar) and data. */
export interface TensorInit {
  type: ElemType;
  dims: number[];
  data: TensorData;
}

const DataType = onnx.TensorProto.DataType;
const codes: Record<ElemType, number> = {
  float: DataType.FLOAT,
  double: DataType.DOUBLE,
  int64: DataType.INT64,
  int32: DataType.INT32,
  bool: DataType.BOOL,
  string: DataType.STRING,
  uint8: DataType.UINT8,
};

/** The ONNX `TensorProto.DataType` code of an element type. */
export function elemTypeCode(type: ElemType): number {
  return codes[type];
}

function numericArray(type: ElemType, data: TensorData): ArrayBufferView {
  if (data.length > 0 && typeof data[0] === 'string')
    throw new TypeError(`a ${type} tensor cannot hold strings`);
  const values = data as ArrayLike<number> | BigInt64Array;
  switch (type) {
    case 'float':
      return values instanceof Float32Array
        ? values
        : Float32Array.from(values as ArrayLike<number>);
    case 'double':
      return values instanceof Float64Array
        ? values
        : Float64Array.from(values as ArrayLike<number>);
    case 'int32':
      return values instanceof Int32Array ? values : Int32Array.from(values as ArrayLike<number>);
    case 'int64':
      return values instanceof BigInt64Array
        ? values
        : BigInt64Array.from(Array.from(values as ArrayLike<number>, (v) => BigInt(v)));
    case 'bool':
    case 'uint8':
      return values instanceof Uint8Array ? values : Uint8Array.from(values as ArrayLike<number>);
    case 'string':
      throw new TypeError('string tensors are not numeric');
  }
}

/** Encodes a constant tensor; numeric data goes to `rawData` (little-endian, as ONNX requires). */
export function encodeTensor(name: string, tensor: TensorInit): proto.ITensorProto {
  const { type, dims, data } = tensor;
  for (const d of dims)
    if (!Number.isInteger(d) || d < 0) throw new RangeError(`tensor ${name}: bad dimension ${d}`);
  const size = dims.reduce((a, b) => a * b, 1);
  if (data.length !== size)
    throw new RangeError(
      `tensor ${name} has ${data.length} values, expected ${size} for shape [${dims.join(', ')}]`,
    );
  const proto: proto.ITensorProto = { name, dims, dataType: codes[type] };
  if (type === 'string') {
    const encoder = new TextEncoder();
    proto.stringData = Array.from(data as ArrayLike<unknown>, (s) => {
      if (typeof s !== 'string') throw new TypeError(`tensor ${name}: string tensors hold strings`);
      return encoder.encode(s);
    });
    return proto;
  }
  const view = numericArray(type, data);
  // Copy into a fresh buffer: the view may be a window on a larger one.
  proto.rawData = new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice();
  return proto;
}
