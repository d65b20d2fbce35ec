import { describe, expect, it } from 'vitest';
import { resolveMaxFeatures } from '../../../../src/core/ml/forest';

describe('resolveMaxFeatures', () => {
  it('reads names, counts and fractions as scikit-learn does', () => {
    expect(resolveMaxFeatures('sqrt', 4096)).toBe(64);
    expect(resolveMaxFeatures('log2', 4096)).toBe(12);
    expect(resolveMaxFeatures('all', 50)).toBe(50);
    expect(resolveMaxFeatures(10, 50)).toBe(10);
    expect(resolveMaxFeatures(80, 50)).toBe(50);
    expect(resolveMaxFeatures(0.25, 4096)).toBe(1024);
    expect(resolveMaxFeatures(0.001, 50)).toBe(1);
    expect(() => resolveMaxFeatures(0, 50)).toThrow(/maxFeatures/);
    expect(() => resolveMaxFeatures(1.5, 50)).toThrow(/maxFeatures/);
  });
});
