/** Wall and CPU seconds of repeated runs, and macro-F1 as scikit-learn computes it. */

export interface Timings {
  /** Seconds per repeat, in run order. */
  wall: number[];
  /** Process CPU seconds (user + system, every thread) per repeat. */
  cpu: number[];
}

/** Runs `run` `repeats` times; returns the last result and each run's wall and CPU time. */
export async function timed<T>(
  repeats: number,
  run: () => Promise<T>,
): Promise<{ result: T; timings: Timings }> {
  const timings: Timings = { wall: [], cpu: [] };
  let result: T | undefined;
  for (let i = 0; i < repeats; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    result = await run();
    timings.wall.push((performance.now() - start) / 1000);
    const used = process.cpuUsage(cpu);
    timings.cpu.push((used.user + used.system) / 1e6);
  }
  return { result: result!, timings };
}

/** The repeat with the least wall time: its wall and CPU seconds. */
export function best(timings: Timings): { wall: number; cpu: number } {
  let at = 0;
  timings.wall.forEach((wall, i) => {
    if (wall < timings.wall[at]!) at = i;
  });
  return { wall: timings.wall[at]!, cpu: timings.cpu[at]! };
}

/**
 * Unweighted mean of per-class F1 over the classes present in the truth or the
 * predictions (scikit-learn's `f1_score(average='macro')`; F1 = 0 where undefined).
 */
export function macroF1(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const tp = new Map<number, number>();
  const fp = new Map<number, number>();
  const fn = new Map<number, number>();
  const bump = (map: Map<number, number>, key: number) => map.set(key, (map.get(key) ?? 0) + 1);
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    if (t === p) bump(tp, t);
    else {
      bump(fp, p);
      bump(fn, t);
    }
  }
  const classes = new Set([...Array.from(truth), ...Array.from(predicted)]);
  let sum = 0;
  for (const c of classes) {
    const hits = tp.get(c) ?? 0;
    const denominator = 2 * hits + (fp.get(c) ?? 0) + (fn.get(c) ?? 0);
    sum += denominator > 0 ? (2 * hits) / denominator : 0;
  }
  return sum / classes.size;
}
