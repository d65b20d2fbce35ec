/**
 * Inference throughput, genomes/s end to end: a FASTA file is parsed by the streaming
 * reader, its records go in batches to the 2-worker 6-mer pool, and each batch's rows go
 * through an ONNX session; parsing and ONNX run on this thread while the workers count.
 */
import { createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { createFeaturePool } from '../../src/core/features';
import { openClassifier } from '../../src/core/classify';
import { classifyChunks } from '../../src/core/classify/classify-chunks';
import { fileRecordChunks } from '../../src/core/classify/sequence-chunks';
import { createSession, runFloat } from '../../src/core/onnx/session';
import type { LabeledRow } from '../../src/core/pathogens/labeled-mutations';
import { tipGenome } from '../../src/core/pathogens/tip-genomes';
import { readSequences } from '../../src/core/sequences/reader';
import { N_FRACTION } from './dataset';
import { timed, type Timings } from './timing';

/** Records per batch handed to the feature pool, and batches in flight at most. */
const BATCH = 256;
const IN_FLIGHT = 4;

/**
 * Writes `count` genomes once (tips in order, repeated; copy j uses N seed j + 1, so every
 * copy has other N runs), 60 bases a line. Ids are `<tip>/<copy>`.
 */
export async function cachedGenomesFasta(
  path: string,
  reference: string,
  rows: LabeledRow[],
  count: number,
): Promise<string> {
  if (existsSync(path)) return path;
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(`${path}.tmp`);
  for (let i = 0; i < count; i++) {
    const row = rows[i % rows.length]!;
    const copy = Math.floor(i / rows.length);
    const genome = tipGenome(reference, row, { nFraction: N_FRACTION, seed: copy + 1 });
    const lines = [`>${row.name}/${copy}`];
    for (let at = 0; at < genome.length; at += 60) lines.push(genome.slice(at, at + 60));
    if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  renameSync(`${path}.tmp`, path);
  return path;
}

/** Streams `path` through features and the ONNX model `modelBytes`; returns ids and labels. */
async function classifyFasta(
  path: string,
  modelBytes: Uint8Array,
): Promise<{ ids: string[]; labels: Int32Array }> {
  const pool = createFeaturePool({ kind: 'kmer', k: 6 }, { threads: 2 });
  const session = await createSession(modelBytes);
  const ids: string[] = [];
  const labels: number[] = [];
  const pending: Promise<void>[] = [];
  const dimension = pool.dimension;
  // Batches finish in order (the pool keeps order within a call, and each batch's ONNX run
  // waits for the one before), so labels are appended in input order.
  let previous: Promise<void> = Promise.resolve();
  const submit = (sequences: string[]): void => {
    const features = pool.featurize(sequences);
    const done = previous.then(async () => {
      const rows = sequences.length;
      const out = await runFloat(
        session,
        { features: { data: await features, dims: [rows, dimension] } },
        ['probabilities'],
      );
      const probabilities = out.probabilities!.data;
      const classes = probabilities.length / rows;
      for (let r = 0; r < rows; r++) {
        let bestClass = 0;
        for (let c = 1; c < classes; c++)
          if (probabilities[r * classes + c]! > probabilities[r * classes + bestClass]!)
            bestClass = c;
        labels.push(bestClass);
      }
    });
    previous = done;
    pending.push(done);
  };
  try {
    let batch: string[] = [];
    for await (const events of readSequences(path)) {
      for (const event of events) {
        if (event.type !== 'record')
          throw new Error(`${path}:${event.error.line}: ${event.error.reason}`);
        ids.push(event.record.id);
        batch.push(event.record.sequence);
        if (batch.length < BATCH) continue;
        submit(batch);
        batch = [];
        // Bounded memory: wait for the oldest batch once IN_FLIGHT are queued.
        if (pending.length >= IN_FLIGHT) await pending.shift();
      }
    }
    if (batch.length > 0) submit(batch);
    await Promise.all(pending);
    return { ids, labels: Int32Array.from(labels) };
  } finally {
    await pool.close();
    await session.release();
  }
}

export interface ThroughputResult {
  timings: Timings;
  /** Predicted label per genome id. */
  labels: Map<string, string>;
}

/** Timings of `classifyFasta` per repeat, worker and session start-up included. */
export async function measurePieces(
  path: string,
  modelBytes: Uint8Array,
  classes: readonly string[],
  repeats: number,
): Promise<ThroughputResult> {
  const { result, timings } = await timed(repeats, () => classifyFasta(path, modelBytes));
  const labels = new Map(result.ids.map((id, i) => [id, classes[result.labels[i]!]!]));
  return { timings, labels };
}

/**
 * Timings of the product path per repeat: `openClassifier(bundle)` (bundle verified,
 * session and workers started), then the file streamed through `classifyChunks` as the
 * CLI's `classify` does.
 */
export async function measureClassifier(
  path: string,
  bundlePath: string,
  repeats: number,
  /** The reference tree to place every genome on (as the app does), or null for none. */
  treePath: string | null = null,
): Promise<ThroughputResult> {
  const { result, timings } = await timed(repeats, async () => {
    const classifier = await openClassifier(bundlePath, { treeFor: () => treePath });
    const labels = new Map<string, string>();
    try {
      const chunks = fileRecordChunks([path], [statSync(path).size]);
      await classifyChunks(classifier, chunks, (predictions) => {
        for (const p of predictions) labels.set(p.id, p.label ?? '');
      });
    } finally {
      await classifier.close();
    }
    return labels;
  });
  return { timings, labels: result };
}
