/** Writes the bench's matrices and split for reference.py, runs it, and reads its answer. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Matrix } from '../../src/core/cluster/matrix';
import type { Timings } from './timing';

export interface ReferenceRun {
  /** Row label in the table. */
  name: string;
  model: 'softmax' | 'forest';
  /** Key into the matrices. */
  matrix: string;
}

export interface ReferenceParams {
  C: number;
  maxIter: number;
  trees: number;
  seed: number;
  repeats: number;
  /** Forest seeds whose macro-F1 is reported too (untimed). */
  forestSeeds: number[];
}

export interface ReferenceResult extends Timings {
  predictions: number[];
  /** scikit-learn's own f1_score(average='macro'), to cross-check ours. */
  macroF1: number;
  iterations?: number;
  objective?: number;
  nodes?: number;
  /** Forests: macro-F1 for each of `forestSeeds`. */
  seedF1?: number[];
}

/**
 * Writes float32 matrices, int32 labels, the uint8 test mask and meta.json to `cache`, runs
 * `/usr/bin/python3 reference.py cache` and returns its result per run name.
 */
export function runReference(
  script: string,
  cache: string,
  data: {
    matrices: Record<string, Matrix>;
    labels: Int32Array;
    testMask: Uint8Array;
    runs: ReferenceRun[];
  },
  params: ReferenceParams,
): Record<string, ReferenceResult> {
  mkdirSync(cache, { recursive: true });
  const matrices: Record<string, { file: string; cols: number }> = {};
  for (const [name, matrix] of Object.entries(data.matrices)) {
    matrices[name] = { file: `${name}.f32`, cols: matrix.cols };
    writeFileSync(join(cache, `${name}.f32`), matrix.data);
  }
  writeFileSync(join(cache, 'labels.i32'), data.labels);
  writeFileSync(join(cache, 'test.u8'), data.testMask);
  const meta = {
    rows: data.labels.length,
    matrices,
    labels: 'labels.i32',
    test: 'test.u8',
    runs: data.runs,
    ...params,
  };
  writeFileSync(join(cache, 'meta.json'), JSON.stringify(meta, null, 2));
  const result = spawnSync('/usr/bin/python3', [script, cache], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (result.status !== 0) throw new Error(`reference.py failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, ReferenceResult>;
}
