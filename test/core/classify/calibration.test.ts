import { describe, expect, it } from 'vitest';
import { applyTemperature, topClasses } from '../../../src/core/classify';

describe('applyTemperature', () => {
  it('leaves probabilities as they are at T = 1', () => {
    const p = [0.7, 0.2, 0.1];
    expect(Array.from(applyTemperature(p, 1, 3, 1))).toEqual(p.map((x) => expect.closeTo(x, 12)));
  });

  it('computes softmax(log p / T) (hand-computed at T = 2)', () => {
    // sqrt(0.64) = 0.8, sqrt(0.32) = 0.565685, sqrt(0.04) = 0.2; sum 1.565685
    const [a, b, c] = applyTemperature([0.64, 0.32, 0.04], 1, 3, 2);
    expect(a).toBeCloseTo(0.8 / 1.565685, 6);
    expect(b).toBeCloseTo(0.565685 / 1.565685, 6);
    expect(c).toBeCloseTo(0.2 / 1.565685, 6);
  });

  it('keeps a zero probability finite and last', () => {
    const out = applyTemperature([0.5, 0.5, 0, 1, 0, 0], 2, 3, 0.5);
    expect(out.every(Number.isFinite)).toBe(true);
    expect(out[2]).toBeLessThan(1e-20);
    expect(out[3]).toBeCloseTo(1, 12);
  });

  it('refuses a temperature that is not positive', () => {
    expect(() => applyTemperature([1, 0], 1, 2, 0)).toThrow(/temperature must be positive/);
  });
});

describe('topClasses', () => {
  it('orders by probability, ties by class index', () => {
    const p = Float64Array.from([0.1, 0.3, 0.3, 0.2, 0.1]);
    expect(topClasses(p, 0, 5, 3)).toEqual([
      { index: 1, probability: 0.3 },
      { index: 2, probability: 0.3 },
      { index: 3, probability: 0.2 },
    ]);
  });
});
