import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createFeaturePool,
  kmerSpectra,
  kmerSpectraOfPacked,
  kmerSpectrum,
  parseFeaturizerConfig,
} from '../../../src/core/features';
import { featurizeBatch } from '../../../src/core/features/feature-messages';
import { packSequences, type PackedSequences } from '../../../src/core/features/packed-sequences';
import { answerRequest, type PoolReply } from '../../../src/core/jobs/worker-pool';
import { rebuildError } from '../../../src/core/jobs/worker-host';
import { randomSequences } from './random-sequences';

describe('feature worker pool', () => {
  const input = { kind: 'kmer', k: 6 } as const;
  const pool = createFeaturePool(input, { threads: 2, batchSize: 7 });
  afterAll(() => pool.close());

  it('gives the same rows as this thread, in input order, across batches', async () => {
    const sequences = randomSequences(40, 1_500, 11);
    const expected = kmerSpectra(sequences, parseFeaturizerConfig(input));
    const [all, some] = await Promise.all([
      pool.featurize(sequences),
      pool.featurize(sequences.slice(3, 5)),
    ]);
    expect(all).toEqual(expected);
    expect(some).toEqual(expected.subarray(3 * 4096, 5 * 4096));
    expect((await pool.featurize([])).length).toBe(0);
  });

  it('rejects a bad batch and keeps serving', async () => {
    await expect(pool.featurize([42 as unknown as string])).rejects.toThrow(TypeError);
    expect((await pool.featurize(['ACGTACGT'])).length).toBe(4096);
  });

  it('refuses a bad config in the caller', () => {
    expect(() => createFeaturePool({ kind: 'kmer', k: 20 })).toThrow();
  });
});

describe('feature worker replies', () => {
  it('transfer the spectra buffer: detached on the sending side, intact on arrival', () => {
    const config = parseFeaturizerConfig({ kind: 'kmer', k: 3, normalize: 'none' });
    const { port1, port2 } = new MessageChannel();
    const reply = answerRequest(
      port1,
      (batch: PackedSequences) => featurizeBatch(config, batch),
      {
        type: 'request',
        id: 5,
        request: packSequences(['AAAAC', 'ACGT']),
      },
      true,
    );
    expect(reply.type).toBe('result');
    if (reply.type !== 'result') return;
    expect(reply.result.buffer.byteLength).toBe(0);
    const received = receiveMessageOnPort(port2)?.message as PoolReply<Float32Array>;
    expect(received).toMatchObject({ type: 'result', id: 5 });
    if (received.type !== 'result') return;
    expect(received.result).toEqual(kmerSpectra(['AAAAC', 'ACGT'], config));
    expect(received.result.subarray(0, 64)).toEqual(kmerSpectrum('AAAAC', config));
    port1.close();
  });

  it('carry a failure as {name, message, stack}, rebuilt as an Error', () => {
    const config = parseFeaturizerConfig({ kind: 'kmer', k: 3 });
    const { port1, port2 } = new MessageChannel();
    const broken = { bytes: new Uint8Array(4), ends: Uint32Array.of(9) };
    answerRequest(
      port1,
      (batch: PackedSequences) => featurizeBatch(config, batch),
      {
        type: 'request',
        id: 6,
        request: broken,
      },
      true,
    );
    const received = receiveMessageOnPort(port2)?.message as PoolReply<Float32Array>;
    expect(received).toMatchObject({ type: 'error', id: 6, error: { name: 'RangeError' } });
    if (received.type !== 'error') return;
    const error = rebuildError(received.error);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/past 4 bytes/);
    expect(error.stack).toContain('kmerSpectraOfPacked');
    port1.close();
  });

  it('pack sequences as UTF-8 bytes with end offsets, non-ASCII never read as a base', () => {
    const packed = packSequences(['ACG', '', 'ŁA', 'TT']);
    expect([...packed.ends]).toEqual([3, 3, 6, 8]);
    const config = parseFeaturizerConfig({
      kind: 'kmer',
      k: 3,
      normalize: 'none',
      canonical: false,
    });
    const matrix = kmerSpectraOfPacked(packed, config);
    expect(matrix.subarray(0, 64)).toEqual(kmerSpectrum('ACG', config));
    expect(matrix.subarray(128, 192).every((count) => count === 0)).toBe(true);
  });
});
