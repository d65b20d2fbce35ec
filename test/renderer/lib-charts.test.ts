// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { formatShort, linearScale, niceStep } from '../../src/renderer/src/lib/chart-scale';
import {
  NOISE_COLOR,
  clusterColor,
  clusterName,
  valueColor,
} from '../../src/renderer/src/features/clusters/cluster-colors';

describe('chart-scale', () => {
  it('maps a domain onto a range, inverted ranges included', () => {
    const scale = linearScale(0, 10, 100, 200);
    expect(scale(0)).toBe(100);
    expect(scale(5)).toBe(150);
    expect(linearScale(0, 10, 200, 0)(10)).toBe(0);
  });
  it('does not divide by zero on an empty domain', () => {
    expect(linearScale(3, 3, 0, 100)(3)).toBe(0);
  });
  it('picks 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(100, 10)).toBe(10);
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(100, 20)).toBe(5);
    expect(niceStep(0.9, 10)).toBeCloseTo(0.1);
  });
  it('shortens thousands on axis labels', () => {
    expect(formatShort(999)).toBe('999');
    expect(formatShort(1500)).toBe('1.5k');
    expect(formatShort(30000)).toBe('30k');
  });
});

describe('cluster-colors', () => {
  it('gives noise its own grey and name', () => {
    expect(clusterColor(-1)).toBe(NOISE_COLOR);
    expect(clusterName(-1)).toBe('Noise');
    expect(clusterName(3)).toBe('Cluster 3');
  });
  it('cycles the palette after twenty clusters', () => {
    expect(clusterColor(0)).toBe('#2563c9');
    expect(clusterColor(20)).toBe(clusterColor(0));
    expect(clusterColor(1)).not.toBe(clusterColor(0));
    expect(valueColor(21)).toBe(valueColor(1));
  });
});
