/**
 * Compares our calls with the labeled mutations of tree tips: substitutions plus deleted
 * positions (a deletion run counts once per position), ignoring the positions we report
 * as missing (N or uncovered), where the truth cannot be checked.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { SequenceCalls } from '../../../../src/shared/analysis-types';

export interface FastaRecord {
  id: string;
  sequence: string;
}

/** Small FASTA reader for fixtures (plain or .gz). */
export function readFasta(path: string): FastaRecord[] {
  const raw = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('latin1');
  return text
    .split('>')
    .slice(1)
    .map((chunk) => {
      const newline = chunk.indexOf('\n');
      const id = chunk.slice(0, newline).trim().split(/\s+/)[0]!;
      return {
        id,
        sequence: chunk
          .slice(newline + 1)
          .replace(/\s+/g, '')
          .toUpperCase(),
      };
    });
}

/** name -> labeled mutations (`C241T`, `T21765-`). */
export function readTruth(path: string): Map<string, string[]> {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines[0]!.split('\t');
  const name = header.indexOf('name');
  const mutations = header.indexOf('mutations');
  const truth = new Map<string, string[]>();
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const fields = line.split('\t');
    truth.set(fields[name]!, (fields[mutations] ?? '').split(' ').filter(Boolean));
  }
  return truth;
}

export interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export function emptyTally(): Tally {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
}

function isMissing(calls: SequenceCalls, position: number): boolean {
  return calls.missing.some((m) => position >= m.start && position <= m.end);
}

/** Differences between calls and truth for one genome: `pos:ALT` keys. */
export function compareCalls(
  calls: SequenceCalls,
  labeled: string[],
): { extra: string[]; lacking: string[] } {
  const expected = new Set<string>();
  for (const mutation of labeled) {
    const position = Number(mutation.slice(1, -1));
    if (!isMissing(calls, position)) expected.add(`${position}:${mutation.slice(-1)}`);
  }
  const observed = new Set<string>();
  for (const s of calls.substitutions) observed.add(`${s.position}:${s.queryNuc}`);
  for (const d of calls.deletions)
    for (let p = d.start; p < d.start + d.length; p += 1)
      if (!isMissing(calls, p)) observed.add(`${p}:-`);
  return {
    extra: [...observed].filter((key) => !expected.has(key)),
    lacking: [...expected].filter((key) => !observed.has(key)),
  };
}

export function addToTally(tally: Tally, calls: SequenceCalls, labeled: string[]): void {
  const { extra, lacking } = compareCalls(calls, labeled);
  const expectedCount = labeled.filter((m) => !isMissing(calls, Number(m.slice(1, -1)))).length;
  tally.truePositives += expectedCount - lacking.length;
  tally.falsePositives += extra.length;
  tally.falseNegatives += lacking.length;
}

export function scores(tally: Tally): { precision: number; recall: number; f1: number } {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = tally;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
