/**
 * Chooses the model by the declared metric on out-of-fold predictions: each candidate alone,
 * and blends (weighted means of probabilities) of the best candidate of two families, which
 * cost no further training to score since their out-of-fold probabilities already exist.
 */
import {
  evaluateClassifier,
  higherIsBetter,
  metricValue,
  type ClassificationReport,
  type MetricName,
} from '../metrics';
import { searchConfigurations, type ParameterConfiguration } from '../validation';
import type { Candidate } from './candidates';
import type { CandidateResult } from './cross-validate-candidates';

export interface ModelChoice {
  parts: { candidate: Candidate; weight: number }[];
  name: string;
  outOfFold: Float32Array;
  report: ClassificationReport;
}

export interface SelectionTrial {
  name: string;
  score: number | null;
  accuracy: number;
  macroF1: number;
}

export interface SelectOptions {
  metric?: MetricName;
  /** Weights of the first model of a blend (default 0.25, 0.5, 0.75); none: no blends. */
  blendWeights?: readonly number[];
  labels?: readonly string[];
  signal?: AbortSignal;
}

interface Option {
  parts: { result: CandidateResult; weight: number }[];
  name: string;
}

function blend(option: Option, size: number): Float32Array {
  if (option.parts.length === 1) return option.parts[0]!.result.outOfFold;
  const out = new Float32Array(size);
  for (const { result, weight } of option.parts)
    for (let i = 0; i < size; i++) out[i]! += weight * result.outOfFold[i]!;
  return out;
}

/** The best of `results` and their blends; `trials` lists every option scored, in order. */
export async function selectModel(
  results: readonly CandidateResult[],
  labels: Int32Array,
  numClasses: number,
  options: SelectOptions = {},
): Promise<{ choice: ModelChoice; trials: SelectionTrial[] }> {
  const metric = options.metric ?? 'macroF1';
  const size = labels.length * numClasses;
  const list: Option[] = results.map((result) => ({
    parts: [{ result, weight: 1 }],
    name: result.name,
  }));
  // The best candidate per family, by the same metric (first among equals).
  const best = new Map<string, CandidateResult>();
  const sign = higherIsBetter(metric) ? 1 : -1;
  const score = (r: CandidateResult): number => {
    const value = metricValue(r.pooled, metric);
    return value === null ? -Infinity : sign * value;
  };
  for (const result of results) {
    const held = best.get(result.candidate.family);
    if (!held || score(result) > score(held)) best.set(result.candidate.family, result);
  }
  const leaders = [...best.values()];
  for (let a = 0; a < leaders.length; a++)
    for (let b = a + 1; b < leaders.length; b++)
      for (const w of options.blendWeights ?? [0.25, 0.5, 0.75])
        list.push({
          parts: [
            { result: leaders[a]!, weight: w },
            { result: leaders[b]!, weight: 1 - w },
          ],
          name: `${w}*${leaders[a]!.name} + ${Number((1 - w).toFixed(4))}*${leaders[b]!.name}`,
        });
  const reports: ClassificationReport[] = [];
  const evaluate = options.labels ? { labels: options.labels } : {};
  const configurations: ParameterConfiguration[] = list.map((_, index) => ({ index }));
  const search = await searchConfigurations(
    configurations,
    async ({ index }) => {
      const option = list[Number(index)]!;
      const report =
        option.parts.length === 1
          ? option.parts[0]!.result.pooled
          : evaluateClassifier(labels, blend(option, size), numClasses, evaluate);
      reports.push(report);
      return report;
    },
    { metric, signal: options.signal },
  );
  const chosen = list[search.bestIndex ?? 0]!;
  const trials = search.trials.map((trial, i) => ({
    name: list[i]!.name,
    score: trial.score,
    accuracy: reports[i]!.accuracy,
    macroF1: reports[i]!.macroF1,
  }));
  return {
    choice: {
      parts: chosen.parts.map(({ result, weight }) => ({ candidate: result.candidate, weight })),
      name: chosen.name,
      outOfFold: blend(chosen, size),
      report: reports[search.bestIndex ?? 0]!,
    },
    trials,
  };
}
