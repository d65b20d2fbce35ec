// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatEta,
  formatPercent,
  formatRate,
  formatScore,
  fractionOf,
} from '../../src/renderer/src/lib/format';

describe('format', () => {
  it('separates thousands in counts', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });
  it('picks the byte unit and precision', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB');
  });
  it('formats percentages, rates and scores', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(0.5, 0)).toBe('50%');
    expect(formatRate(2.25)).toBe('2.3 records/s');
    expect(formatRate(12345, 'rows')).toBe('12,345 rows/s');
    expect(formatScore(1234.56)).toBe('1,234.6');
  });
  it('formats durations and remaining time', () => {
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(2500)).toBe('2.5 s');
    expect(formatDuration(125000)).toBe('2 min 5 s');
    expect(formatEta(null)).toBe('estimating…');
    expect(formatEta(Infinity)).toBe('estimating…');
    expect(formatEta(42)).toBe('42 s left');
    expect(formatEta(125)).toBe('2 min 5 s left');
    expect(formatEta(3725)).toBe('1 h 2 min left');
  });
  it('caps progress fractions and treats an unknown total as 0', () => {
    expect(fractionOf(5, 10)).toBe(0.5);
    expect(fractionOf(15, 10)).toBe(1);
    expect(fractionOf(5, 0)).toBe(0);
  });
});
