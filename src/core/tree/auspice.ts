/**
 * Auspice v2 tree JSON (what Nextclade ships as `tree.json`), read as untrusted input: each
 * node checked on its own (no recursive schema, so a deep tree cannot overflow the stack),
 * with node and depth limits, and errors that name the file and the node.
 */
import { z } from 'zod';
import { InvalidInputError } from '../errors';

/** More nodes than any reference tree has (Nextclade's largest hold ~10,000). */
export const MAX_TREE_NODES = 1_000_000;
export const MAX_TREE_DEPTH = 10_000;

const attributeValue = z.object({ value: z.unknown() }).loose();

const nodeFields = z
  .object({
    name: z.string().min(1, 'a node has no name'),
    node_attrs: z.record(z.string(), z.unknown()).optional(),
    branch_attrs: z
      .object({
        mutations: z.record(z.string(), z.array(z.string())).optional(),
        labels: z.record(z.string(), z.string()).optional(),
      })
      .loose()
      .optional(),
    children: z.array(z.unknown()).optional(),
  })
  .loose();

/** One node as read: its attributes as given, children flattened by the reader. */
export interface AuspiceNode {
  name: string;
  nodeAttrs: Record<string, unknown>;
  /** Branch mutations by gene; `nuc` for nucleotides, 1-based `REF<pos>ALT`. */
  mutations: Record<string, string[]>;
  labels: Record<string, string>;
  /** Index of the parent in pre-order; -1 for the root. */
  parent: number;
  depth: number;
}

export interface AuspiceTree {
  /** Pre-order: a parent comes before its children, the root first. */
  nodes: AuspiceNode[];
  /** The document as read (for export); its `tree` is the nested original. */
  document: Record<string, unknown>;
}

/** `clade_membership` and other `{ value }` node attributes, as a string when they are one. */
export function nodeAttribute(node: AuspiceNode, key: string): string | null {
  const parsed = attributeValue.safeParse(node.nodeAttrs[key]);
  if (!parsed.success) return null;
  const { value } = parsed.data;
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

/** A numeric `{ value }` attribute (`placement_prior`, `div`), or null. */
export function numericAttribute(node: AuspiceNode, key: string): number | null {
  const raw = node.nodeAttrs[key];
  const value = typeof raw === 'number' ? raw : attributeValue.safeParse(raw).data?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function problem(file: string, where: string, error: z.ZodError): InvalidInputError {
  const first = error.issues[0]!;
  const path = first.path.length ? ` at ${first.path.join('.')}` : '';
  return new InvalidInputError(`${file}: ${where}${path}: ${first.message}`);
}

function readDocument(text: string, file: string): Record<string, unknown> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(`${file}: not JSON (${(error as Error).message})`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw new InvalidInputError(`${file}: not an Auspice tree (a JSON object is expected)`);
  const record = document as Record<string, unknown>;
  if (record.version !== undefined && record.version !== 'v2')
    throw new InvalidInputError(
      `${file}: Auspice JSON version ${JSON.stringify(record.version)} is not supported (v2 is)`,
    );
  if (typeof record.tree !== 'object' || record.tree === null || Array.isArray(record.tree))
    throw new InvalidInputError(`${file}: no 'tree' object (an Auspice v2 tree is expected)`);
  return record;
}

/**
 * Reads an Auspice v2 document into its nodes in pre-order.
 * @throws InvalidInputError naming the file, the node (its name or path) and what is wrong
 */
export function readAuspiceTree(text: string, file: string): AuspiceTree {
  const document = readDocument(text, file);
  const nodes: AuspiceNode[] = [];
  const names = new Set<string>();
  // Children are pushed in reverse so they come off the stack in their order.
  const stack: { raw: unknown; parent: number; depth: number; path: string }[] = [
    { raw: document.tree, parent: -1, depth: 0, path: 'tree' },
  ];
  while (stack.length > 0) {
    const { raw, parent, depth, path } = stack.pop()!;
    if (nodes.length >= MAX_TREE_NODES)
      throw new InvalidInputError(
        `${file}: more than ${MAX_TREE_NODES.toLocaleString('en-US')} nodes`,
      );
    if (depth > MAX_TREE_DEPTH)
      throw new InvalidInputError(`${file}: ${path}: deeper than ${MAX_TREE_DEPTH} levels`);
    const parsed = nodeFields.safeParse(raw);
    if (!parsed.success) throw problem(file, `node ${path}`, parsed.error);
    const { name, node_attrs, branch_attrs, children } = parsed.data;
    if (names.has(name)) throw new InvalidInputError(`${file}: node name '${name}' repeats`);
    names.add(name);
    const index = nodes.length;
    nodes.push({
      name,
      nodeAttrs: node_attrs ?? {},
      mutations: branch_attrs?.mutations ?? {},
      labels: branch_attrs?.labels ?? {},
      parent,
      depth,
    });
    const kids = children ?? [];
    for (let i = kids.length - 1; i >= 0; i--)
      stack.push({ raw: kids[i], parent: index, depth: depth + 1, path: `${name}.children[${i}]` });
  }
  return { nodes, document };
}
