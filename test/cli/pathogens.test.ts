import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/genomes';

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../../bin/variantdesk.mjs');
const FLU = resolve(import.meta.dirname, '../../resources/pathogens/flu-h3n2-ha');

describe('variantdesk pathogens', () => {
  it('adds a pathogen from files, lists it as added, refuses bad input with exit 2, removes it', async () => {
    const dataDir = join(tempDir(), 'data');
    const cli = (...args: string[]) => run(process.execPath, [CLI, '--data-dir', dataDir, ...args]);
    const flu = (name: string) => join(FLU, name);
    const add = ['pathogens', 'add', '--id', 'flu-h3-copy', '--name', 'Flu H3 copy'];
    const files = ['--reference', flu('reference.fasta'), '--tree', flu('tree.json')];

    const badGff = join(tempDir(), 'past-end.gff3');
    const gff = readFileSync(flu('genome_annotation.gff3'), 'utf8');
    writeFileSync(badGff, gff.replace('1036\t1698', '1036\t1800'));
    await expect(cli(...add, ...files, '--annotation', badGff)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        'past-end.gff3: gene HA2 (1036..1800) extends beyond the reference (1718 nt)',
      ),
    });
    await expect(
      cli('pathogens', 'add', '--id', 'Bad_Id', '--name', 'x', ...files, '--annotation', badGff),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('lower-case letters') });

    const added = await cli(...add, ...files, '--annotation', flu('genome_annotation.gff3'));
    expect(added.stdout).toBe(
      'Added pathogen flu-h3-copy (Flu H3 copy): 1718 nt, 3 gene(s), with its tree\n',
    );
    const lines = (await cli('pathogens', 'list')).stdout.trim().split('\n');
    expect(lines).toContain('flu-h3-copy\tFlu H3 copy\t1718 nt\tSigPep,HA1,HA2\ttree\tadded');
    expect(lines.filter((line) => line.endsWith('\tshipped'))).toHaveLength(3);

    await expect(cli('pathogens', 'remove', 'sars-cov-2')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('shipped with VariantDesk and cannot be removed'),
    });
    expect((await cli('pathogens', 'remove', 'flu-h3-copy')).stdout).toBe(
      'Removed pathogen flu-h3-copy\n',
    );
    const json = JSON.parse((await cli('pathogens', '--json')).stdout) as { id: string }[];
    expect(json.map((p) => p.id)).not.toContain('flu-h3-copy');
  });
});
