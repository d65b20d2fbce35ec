/** Node attributes: tagged values and their AttributeProto encoding. */
import onnxProto, { type onnx as proto } from 'onnx-proto';

import { encodeTensor, type TensorInit } from './tensor-proto';

const { onnx } = onnxProto;

/** A node attribute, tagged with its ONNX attribute kind. */
export type AttributeValue =
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'ints'; value: number[] }
  | { kind: 'floats'; value: number[] }
  | { kind: 'string'; value: string }
  | { kind: 'strings'; value: string[] }
  | { kind: 'tensor'; value: TensorInit };

/** Constructors for node attributes. */
export const attr = {
  int: (value: number): AttributeValue => ({ kind: 'int', value }),
  float: (value: number): AttributeValue => ({ kind: 'float', value }),
  ints: (value: number[]): AttributeValue => ({ kind: 'ints', value }),
  floats: (value: number[]): AttributeValue => ({ kind: 'floats', value }),
  string: (value: string): AttributeValue => ({ kind: 'string', value }),
  strings: (value: string[]): AttributeValue => ({ kind: 'strings', value }),
  tensor: (value: TensorInit): AttributeValue => ({ kind: 'tensor', value }),
};

const utf8 = new TextEncoder();
const AttrType = onnx.AttributeProto.AttributeType;

/** Encodes one node attribute as an AttributeProto. */
export function encodeAttribute(name: string, attribute: AttributeValue): proto.IAttributeProto {
  switch (attribute.kind) {
    case 'int':
      return { name, type: AttrType.INT, i: attribute.value };
    case 'float':
      return { name, type: AttrType.FLOAT, f: attribute.value };
    case 'ints':
      return { name, type: AttrType.INTS, ints: attribute.value };
    case 'floats':
      return { name, type: AttrType.FLOATS, floats: attribute.value };
    case 'string':
      return { name, type: AttrType.STRING, s: utf8.encode(attribute.value) };
    case 'strings':
      return { name, type: AttrType.STRINGS, strings: attribute.value.map((s) => utf8.encode(s)) };
    case 'tensor':
      return { name, type: AttrType.TENSOR, t: encodeTensor(name, attribute.value) };
  }
}
