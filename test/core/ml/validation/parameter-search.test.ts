import { describe, expect, it } from 'vitest';
import {
  gridConfigurations,
  gridSearch,
  randomSearch,
  sampleConfigurations,
} from '../../../../src/core/ml/validation';

describe('gridConfigurations', () => {
  it('lists every combination, the last key varying fastest', () => {
    expect(gridConfigurations({ l2: [1e-4, 1e-3], hidden: [64, 128] })).toEqual([
      { l2: 1e-4, hidden: 64 },
      { l2: 1e-4, hidden: 128 },
      { l2: 1e-3, hidden: 64 },
      { l2: 1e-3, hidden: 128 },
    ]);
  });
});

describe('sampleConfigurations', () => {
  const space = {
    lr: { kind: 'loguniform', low: 1e-4, high: 1e-1 },
    dropout: { kind: 'uniform', low: 0, high: 0.5 },
    hidden: { kind: 'int', low: 1, high: 3 },
    optimizer: { kind: 'choice', values: ['adam', 'sgd'] },
    classWeights: ['balanced', 'none'],
  } as const;

  it('draws within each distribution, reproducibly by seed', () => {
    const draws = sampleConfigurations(space, 300, 7);
    expect(sampleConfigurations(space, 300, 7)).toEqual(draws);
    expect(sampleConfigurations(space, 300, 8)).not.toEqual(draws);
    for (const d of draws) {
      expect(d.lr).toBeGreaterThanOrEqual(1e-4);
      expect(d.lr).toBeLessThan(1e-1);
      expect(d.dropout).toBeGreaterThanOrEqual(0);
      expect(d.dropout).toBeLessThan(0.5);
      expect(['adam', 'sgd']).toContain(d.optimizer);
      expect(['balanced', 'none']).toContain(d.classWeights);
    }
    // The int range includes both ends.
    expect(new Set(draws.map((d) => d.hidden))).toEqual(new Set([1, 2, 3]));
    // Log-uniform: about a third of draws per decade, so well over a tenth below 1e-3.
    expect(draws.filter((d) => (d.lr as number) < 1e-3).length).toBeGreaterThan(60);
  });
});

describe('gridSearch and randomSearch', () => {
  // Peaks at l2 = 1e-3, hidden = 128.
  const objective = (p: Record<string, unknown>): number =>
    -((Math.log10(p.l2 as number) + 3) ** 2) - ((p.hidden as number) - 128) ** 2 / 1e4;

  it('picks the best configuration and keeps every trial with its score', async () => {
    const result = await gridSearch(
      { l2: [1e-4, 1e-3, 1e-2], hidden: [64, 128, 256] },
      async (params) => objective(params),
    );
    expect(result.trials).toHaveLength(9);
    expect(result.bestParams).toEqual({ l2: 1e-3, hidden: 128 });
    expect(result.bestScore).toBeCloseTo(0, 12);
    expect(result.trials[result.bestIndex!]!.params).toEqual(result.bestParams);
  });

  it('breaks ties by order and follows the metric direction', async () => {
    const tied = await gridSearch({ a: [1, 2, 3] }, async () => 0.5);
    expect(tied.bestIndex).toBe(0);
    const loss = await gridSearch({ a: [3, 1, 2] }, async (p) => p.a as number, {
      metric: 'logLoss',
    });
    expect(loss.bestParams).toEqual({ a: 1 });
  });

  it('random search returns the best of its seeded draws', async () => {
    const run = (): ReturnType<typeof randomSearch> =>
      randomSearch(
        {
          l2: { kind: 'loguniform', low: 1e-5, high: 1e-1 },
          hidden: { kind: 'int', low: 32, high: 256 },
        },
        async (params) => objective(params),
        { draws: 40, seed: 3 },
      );
    const result = await run();
    const scores = result.trials.map((t) => t.score!);
    expect(result.bestScore).toBe(Math.max(...scores));
    expect(Math.abs(Math.log10(result.bestParams!.l2 as number) + 3)).toBeLessThan(0.5);
    expect((await run()).trials).toEqual(result.trials);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = gridSearch(
      { a: [1, 2, 3, 4] },
      async ({ a }) => {
        calls++;
        if (a === 2) controller.abort();
        return 0;
      },
      { signal: controller.signal },
    );
    await expect(run).rejects.toThrow(/abort/i);
    expect(calls).toBe(2);
  });
});
