import { describe, expect, it } from 'vitest';
import { createWorkerPool } from '../../../src/core/jobs/worker-pool';

const open = (setup: Promise<unknown>) =>
  createWorkerPool<number, string>(import.meta.url, 'setup-echo.worker', undefined, 2, { setup });

describe('worker pool with deferred setup', () => {
  it('holds requests until the setup arrives, then every worker answers from it', async () => {
    let resolve!: (data: unknown) => void;
    const pool = open(new Promise((r) => (resolve = r)));
    try {
      const answers = Promise.all([1, 2, 3, 4].map((n) => pool.run(n)));
      setTimeout(() => resolve({ prefix: 'x' }), 50);
      expect(await answers).toEqual(['x1', 'x2', 'x3', 'x4']);
      expect(await pool.run(5)).toBe('x5');
    } finally {
      await pool.close();
    }
  });

  it('a setup that rejects rejects waiting and later requests with its error', async () => {
    let reject!: (error: Error) => void;
    const pool = open(new Promise((_, r) => (reject = r)));
    const waiting = pool.run(1);
    reject(new Error('bundle: wrong checksum'));
    await expect(waiting).rejects.toThrow('bundle: wrong checksum');
    await expect(pool.run(2)).rejects.toThrow('bundle: wrong checksum');
    await pool.close();
  });

  it('a setup the worker cannot use fails each request with the reason', async () => {
    const pool = open(Promise.resolve({ prefix: '' }));
    try {
      await expect(pool.run(1)).rejects.toThrow('setup has no prefix');
    } finally {
      await pool.close();
    }
  });
});
