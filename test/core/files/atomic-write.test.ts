import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createAtomicWriteStream,
  isTemporaryFor,
  writeFileAtomic,
} from '../../../src/core/files/atomic-write';
import { tempDir } from '../../helpers/genomes';

const HOLD = resolve(import.meta.dirname, 'hold-atomic-write.ts');
const OLD = 'old content, whole\n';

/** A folder holding `out.tsv` with the old content. */
function existingOutput(): { dir: string; out: string } {
  const dir = tempDir();
  const out = join(dir, 'out.tsv');
  writeFileSync(out, OLD);
  return { dir, out };
}

const temporaries = (dir: string, out: string): string[] =>
  readdirSync(dir).filter((name) => isTemporaryFor(out, name));

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file', async () => {
    const { dir, out } = existingOutput();
    await writeFileAtomic(out, 'new\n');
    expect(readFileSync(out, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['out.tsv']);
  });

  it('refuses a path in a missing folder as invalid input, naming the path', async () => {
    const out = join(tempDir(), 'no-such-folder', 'out.tsv');
    await expect(writeFileAtomic(out, 'x')).rejects.toMatchObject({
      name: 'InvalidInputError',
      message: expect.stringContaining(out),
    });
  });
});

describe('createAtomicWriteStream', () => {
  it('keeps the old file whole until commit, then replaces it', async () => {
    const { dir, out } = existingOutput();
    const output = createAtomicWriteStream(out);
    output.stream.write('new content\n');
    await new Promise((done) => output.stream.write('', done));
    expect(readFileSync(out, 'utf8')).toBe(OLD);
    expect(temporaries(dir, out)).toHaveLength(1);
    await output.commit();
    expect(readFileSync(out, 'utf8')).toBe('new content\n');
    expect(readdirSync(dir)).toEqual(['out.tsv']);
  });

  it('abort leaves the old file and removes the temporary file', async () => {
    const { dir, out } = existingOutput();
    const output = createAtomicWriteStream(out);
    output.stream.write('half of the new cont');
    await output.abort();
    await output.abort();
    expect(readFileSync(out, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['out.tsv']);
  });

  it('a failed commit (the target is a folder) names it and leaves nothing behind', async () => {
    const dir = tempDir();
    const out = join(dir, 'results');
    mkdirSync(out);
    const output = createAtomicWriteStream(out);
    output.stream.write('rows\n');
    await expect(output.commit()).rejects.toThrow(`cannot write ${out}`);
    expect(readdirSync(dir)).toEqual(['results']);
  });

  it.each([
    ['SIGINT', true],
    ['SIGTERM', true],
    ['SIGKILL', false],
  ] as const)(
    'a process killed by %s mid-write leaves the old file whole (temporary removed: %s)',
    async (signal, cleaned) => {
      const { dir, out } = existingOutput();
      const child = spawn(process.execPath, ['--import', 'tsx', HOLD, out]);
      let stdout = '';
      child.stdout.on('data', (data: Buffer) => {
        stdout += data.toString();
        if (stdout.includes('ready')) child.kill(signal);
      });
      const [, exitSignal] = (await once(child, 'exit')) as [number | null, string | null];
      // The process still dies by the signal (its parent sees a Ctrl-C death, not exit 0).
      expect(exitSignal).toBe(signal);
      expect(readFileSync(out, 'utf8')).toBe(OLD);
      // After SIGKILL nothing can clean up: a stray temporary file stays beside the old file.
      expect(temporaries(dir, out)).toHaveLength(cleaned ? 0 : 1);
    },
  );
});
