/**
 * One timed read of a sequence file in a reader thread set up as the app's import thread is
 * (see read-once.ts): posts {ms, records, residues, gaps, nCount, errors, baseRssMb,
 * peakRssMb}. RSS (the whole process) is sampled while reading.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readSequences } from '../../src/core/sequences/reader';

const path = workerData as string;

const baseRss = process.memoryUsage.rss();
let peakRss = baseRss;
const start = performance.now();
let records = 0;
let residues = 0;
let gaps = 0;
let nCount = 0;
let errors = 0;
let batches = 0;
for await (const batch of readSequences(path)) {
  for (const event of batch) {
    if (event.type === 'error') {
      errors++;
      continue;
    }
    records++;
    residues += event.record.length;
    gaps += event.record.gapCount;
    nCount += event.record.nCount;
  }
  // Reading RSS costs a /proc read: sample every 32 batches (8 MiB), and at the end.
  if (++batches % 32 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
}
peakRss = Math.max(peakRss, process.memoryUsage.rss());
const ms = performance.now() - start;
const mb = (bytes: number): number => bytes / 1024 / 1024;
const result = {
  ms,
  records,
  residues,
  gaps,
  nCount,
  errors,
  baseRssMb: mb(baseRss),
  peakRssMb: mb(peakRss),
};
parentPort!.postMessage(result);
