/**
 * Alignment and QC through the real UI: run an analysis with an auto-detected pathogen,
 * read and filter the QC verdicts, then find, inspect and export mutations.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type AppHandle } from './harness';
import {
  EXAMPLE_FASTA,
  EXAMPLE_RSV_A,
  countFastaRecords,
  downloadText,
  importThroughUi,
  openPage,
} from './fixtures';

let app: AppHandle;
let page: Page;

beforeEach(async () => {
  app = await startApp();
  page = app.page;
});

afterEach(async ({ task }) => {
  await app?.close(task);
});

/** Runs the analysis with the pathogen left to auto-detection and waits for the verdicts. */
async function analyze(): Promise<void> {
  expect(await page.getByLabel('Pathogen').inputValue()).toBe('');
  await page.getByRole('button', { name: 'Align & run QC' }).click();
  await page.getByRole('region', { name: 'Analysis progress' }).waitFor();
  await page.getByRole('group', { name: 'Verdicts' }).waitFor({ timeout: 60_000 });
}

/** The count on a verdict chip ("Good 297" -> 297). */
async function chipCount(label: string): Promise<number> {
  const chip = page
    .getByRole('group', { name: 'Verdicts' })
    .getByRole('button', { name: new RegExp(`^${label}`) });
  const text = (await chip.textContent()) ?? '';
  return Number(/([\d,]+)\s*$/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
}

const qcStatus = () => page.getByRole('status').filter({ hasText: /of [\d,]+ sequences/ });
const mutationRow = (label: string) =>
  page
    .getByRole('table', { name: 'Mutations' })
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: label, exact: true }) });

describe('analysis', () => {
  it('aligns the SARS-CoV-2 example, explains its QC and finds its spike mutations', async () => {
    const total = countFastaRecords(EXAMPLE_FASTA);
    await importThroughUi(page, [EXAMPLE_FASTA], 'SARS-CoV-2 example');

    await openPage(page, 'QC');
    await page.getByText('has not been analysed yet').waitFor();
    await analyze();
    expect(
      await page.getByRole('group', { name: 'Analysis', exact: true }).textContent(),
    ).toContain('SARS-CoV-2');

    // Every sequence gets exactly one verdict (or failed).
    const counts = {
      good: await chipCount('Good'),
      mediocre: await chipCount('Mediocre'),
      bad: await chipCount('Bad'),
      failed: await chipCount('Failed'),
    };
    expect(await chipCount('All')).toBe(total);
    expect(counts.good + counts.mediocre + counts.bad + counts.failed).toBe(total);
    expect(counts.good).toBeGreaterThan(total / 2);
    await expect.poll(() => qcStatus().textContent()).toBe(`${total} of ${total} sequences`);
    const thresholds = page.getByRole('region', { name: 'How verdicts are decided' });
    expect(await thresholds.textContent()).toMatch(/Missing data:.*mediocre from.*bad from/);
    expect(
      await page.getByRole('img', { name: /Histogram of the overall QC scores/ }).count(),
    ).toBe(1);

    // A verdict chip filters the table to that verdict.
    await page.getByRole('button', { name: /^Good/ }).click();
    await expect
      .poll(() => qcStatus().textContent())
      .toBe(`${counts.good} of ${total} sequences · good only`);
    const rows = page.getByRole('table', { name: 'QC results' }).getByRole('row');
    const firstRow = rows.nth(1);
    expect(await firstRow.getByRole('cell').nth(2).textContent()).toBe('Good');

    // A row opens why the sequence got its verdict.
    const seqId = (await firstRow.getByRole('button').textContent()) ?? '';
    await firstRow.click();
    const detail = page.getByRole('region', { name: `Sequence ${seqId}`, exact: true });
    const rules = detail.getByRole('list', { name: 'QC rules' });
    await rules.waitFor();
    expect(await rules.textContent()).toMatch(/Missing data.*missing bases/);
    expect(await detail.getByRole('region', { name: 'Nearest reference' }).textContent()).toContain(
      'Clade',
    );

    await openPage(page, 'Variants');
    // Clicking the spike on the genome map filters the table to gene S.
    await page.getByRole('button', { name: 'Gene S', exact: true }).click();
    expect(await page.getByLabel('Gene', { exact: true }).inputValue()).toBe('S');
    await page.getByLabel('Mutation or aa change').fill('N501Y');
    const n501y = mutationRow('A23063T');
    await n501y.waitFor();
    const n501yCells = await n501y.getByRole('cell').allTextContents();
    expect(n501yCells.slice(1, 4)).toEqual(['23,063', 'S', 'S:N501Y']);
    const carriersCount = Number(n501yCells[4]?.replace(/,/g, ''));
    expect(carriersCount).toBeGreaterThan(0);

    // Its carriers, and the mutations of one of them.
    await n501y.getByRole('button', { name: 'A23063T' }).click();
    const panel = page.getByRole('complementary', { name: 'Mutation A23063T' });
    expect(await panel.textContent()).toContain(`carried by ${carriersCount}`);
    const carriers = panel.getByRole('list', { name: 'Carriers of A23063T' }).getByRole('button');
    await carriers.first().waitFor();
    const carrier = (await carriers.first().textContent()) ?? '';
    await carriers.first().click();
    const substitutions = panel
      .getByRole('region', { name: `Sequence ${carrier}`, exact: true })
      .getByRole('list', { name: 'Substitutions', exact: true });
    await substitutions.waitFor();
    expect(await substitutions.getByRole('listitem').allTextContents()).toContain('A23063T');

    // The deletion of spike codons 69-70.
    await page.getByLabel('Mutation or aa change').fill('21765');
    await page.getByLabel('Kind').selectOption('deletion');
    const deletion = mutationRow('21765-21770');
    await deletion.waitFor();
    expect(await deletion.getByRole('cell').nth(3).textContent()).toContain('S:H69-');
    await expect
      .poll(() => page.getByRole('table', { name: 'Mutations' }).getByRole('row').count())
      .toBe(2);

    // The whole mutation table as TSV.
    await page.getByText('Export', { exact: true }).click();
    const exported = await downloadText(page, () =>
      page
        .getByRole('group', { name: 'Mutation table' })
        .getByRole('button', { name: 'TSV' })
        .click(),
    );
    expect(exported.fileName).toMatch(/\.mutations\.tsv$/);
    const [header, ...lines] = exported.text.trim().split(/\r?\n/);
    expect(header?.split('\t')).toEqual([
      'mutation',
      'kind',
      'position',
      'gene',
      'aa_changes',
      'count',
      'frequency',
    ]);
    const n501yLine = lines.find((line) => line.startsWith('A23063T\t'))?.split('\t');
    expect(n501yLine?.slice(0, 6)).toEqual([
      'A23063T',
      'substitution',
      '23063',
      'S',
      'S:N501Y',
      String(carriersCount),
    ]);
  });

  it('detects RSV-A from its sequences and shows the mutations of gene G', async () => {
    await importThroughUi(page, [EXAMPLE_RSV_A], 'RSV-A example');
    await openPage(page, 'QC');
    await analyze();
    expect(
      await page.getByRole('group', { name: 'Analysis', exact: true }).textContent(),
    ).toContain('RSV-A');

    await openPage(page, 'Variants');
    await page.getByLabel('Gene', { exact: true }).selectOption('G');
    await expect
      .poll(() =>
        page.getByRole('button', { name: 'Gene G', exact: true }).getAttribute('aria-pressed'),
      )
      .toBe('true');
    const rows = page.getByRole('table', { name: 'Mutations' }).getByRole('row');
    await expect.poll(() => rows.nth(1).getByRole('cell').nth(2).textContent()).toBe('G');
    const count = page.getByRole('status').filter({ hasText: /mutations?$/ });
    expect(Number((await count.textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
  });
});
