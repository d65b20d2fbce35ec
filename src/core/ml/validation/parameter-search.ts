/** Grid and random search: score every configuration, keep them all, pick the best by a declared metric. */
import { InvalidInputError } from '../../errors';
import { higherIsBetter, metricValue, type MetricName } from '../metrics/report-metric';
import type { ClassificationReport } from '../metrics/report-schema';
import {
  gridConfigurations,
  sampleConfigurations,
  type GridSpace,
  type ParameterConfiguration,
  type RandomSpace,
} from './parameter-space';

export interface TrialContext {
  /** 0-based trial index. */
  trial: number;
  trials: number;
  signal?: AbortSignal;
}

/**
 * Scores one configuration: a report (read with the search's metric, e.g. a cross-validation's
 * pooled report) or the metric's value itself.
 */
export type EvaluateConfiguration = (
  params: ParameterConfiguration,
  context: TrialContext,
) => Promise<ClassificationReport | number>;

export interface SearchOptions {
  /** The metric that ranks trials; its direction decides (lower log loss is better). Default macroF1. */
  metric?: MetricName;
  signal?: AbortSignal;
  /** Called after each trial; `trial` counts the trials done (1-based). */
  onProgress?: (progress: { trial: number; trials: number }) => void;
}

export interface Trial {
  index: number;
  params: ParameterConfiguration;
  /** Null when the report has no value for the metric. */
  score: number | null;
  report?: ClassificationReport;
}

export interface SearchResult {
  metric: MetricName;
  trials: Trial[];
  /** The index of the best trial (first among equals); null when no trial has a score. */
  bestIndex: number | null;
  bestParams: ParameterConfiguration | null;
  bestScore: number | null;
}

/**
 * Evaluates the configurations one after another and returns every trial. The best has the
 * highest score (lowest for logLoss and ECE); a tie goes to the earlier trial. Throws the
 * signal's reason when it aborts (checked before and after every trial).
 */
export async function searchConfigurations(
  configurations: readonly ParameterConfiguration[],
  evaluate: EvaluateConfiguration,
  options: SearchOptions = {},
): Promise<SearchResult> {
  if (configurations.length === 0) throw new InvalidInputError('no configurations to search');
  const { signal, onProgress } = options;
  const metric = options.metric ?? 'macroF1';
  const sign = higherIsBetter(metric) ? 1 : -1;
  const trials: Trial[] = [];
  let bestIndex: number | null = null;
  for (let index = 0; index < configurations.length; index++) {
    signal?.throwIfAborted();
    const params = configurations[index]!;
    const outcome = await evaluate(params, { trial: index, trials: configurations.length, signal });
    signal?.throwIfAborted();
    const report = typeof outcome === 'number' ? undefined : outcome;
    const raw = typeof outcome === 'number' ? outcome : metricValue(outcome, metric);
    const score = raw !== null && Number.isFinite(raw) ? raw : null;
    trials.push({ index, params, score, ...(report ? { report } : {}) });
    const best = bestIndex === null ? null : trials[bestIndex]!.score;
    if (score !== null && (best === null || sign * score > sign * best)) bestIndex = index;
    onProgress?.({ trial: index + 1, trials: configurations.length });
  }
  const best = bestIndex === null ? null : trials[bestIndex]!;
  return {
    metric,
    trials,
    bestIndex,
    bestParams: best?.params ?? null,
    bestScore: best?.score ?? null,
  };
}

/** Exhaustive search over every combination of a grid (see `gridConfigurations` for the order). */
export function gridSearch(
  space: GridSpace,
  evaluate: EvaluateConfiguration,
  options: SearchOptions = {},
): Promise<SearchResult> {
  return searchConfigurations(gridConfigurations(space), evaluate, options);
}

/** Random search: `draws` configurations drawn from the space with `seed`. */
export function randomSearch(
  space: RandomSpace,
  evaluate: EvaluateConfiguration,
  options: SearchOptions & { draws: number; seed?: number },
): Promise<SearchResult> {
  return searchConfigurations(
    sampleConfigurations(space, options.draws, options.seed ?? 0),
    evaluate,
    options,
  );
}
