/**
 * Comparing two classification runs through the real UI: the SARS-CoV-2 example classified
 * by the production model and by a stricter version of it (the same model with a higher
 * confidence threshold), ticked in History and compared side by side.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type AppHandle } from './harness';
import {
  EXAMPLE_FASTA,
  EXAMPLE_RSV_A,
  STRICT_VERSION,
  classifyThroughUi,
  countFastaRecords,
  downloadText,
  importThroughUi,
  openPage,
  writeStrictBundle,
} from './fixtures';

let app: AppHandle;
let page: Page;
let bundleDir: string;

beforeEach(async () => {
  app = await startApp();
  page = app.page;
  bundleDir = mkdtempSync(join(tmpdir(), 'variantdesk-strict-'));
});

afterEach(async ({ task }) => {
  await app?.close(task);
  rmSync(bundleDir, { recursive: true, force: true });
});

const DATASET = 'SARS-CoV-2 example';
const OTHER_DATASET = 'RSV-A example';

/** The leading number of a figure's value ("Agree289 of 298 (97.0%)" -> 289). */
async function figure(scope: ReturnType<Page['getByRole']>, label: string): Promise<number> {
  const text = (await scope.getByRole('group', { name: label, exact: true }).textContent()) ?? '';
  return Number(new RegExp(`^${label}([\\d,]+)`).exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
}

function modelOf(classificationId: number): string {
  const run = app.core.classifications
    .list()
    .find((candidate) => candidate.id === classificationId);
  return `${run?.model.name}@${run?.model.version}`;
}

describe('compare classifications', () => {
  it('compares the production model with a stricter version on the same dataset', async () => {
    const total = countFastaRecords(EXAMPLE_FASTA);
    await importThroughUi(page, [EXAMPLE_FASTA], DATASET);
    await page.getByRole('button', { name: 'Import more files' }).click();
    await importThroughUi(page, [EXAMPLE_RSV_A], OTHER_DATASET);

    // The production model on the example; RSV-A twice, so that another dataset has runs
    // that could be compared among themselves.
    const productionRun = await classifyThroughUi(
      app,
      DATASET,
      /^sars-cov-2-clade@\S+ \(production\)$/,
    );
    for (let run = 0; run < 2; run += 1) {
      await classifyThroughUi(app, OTHER_DATASET, /^rsv-a-clade@\S+ \(production\)$/);
    }

    // A second version of the same model, imported as a bundle, that trusts less.
    await openPage(page, 'Models');
    await page
      .getByLabel('Model bundle', { exact: true })
      .setInputFiles(writeStrictBundle(bundleDir));
    const strictName = `sars-cov-2-clade@${STRICT_VERSION}`;
    await page.getByText(`Registered ${strictName}`, { exact: true }).waitFor();
    const strictRun = await classifyThroughUi(app, DATASET, /^sars-cov-2-clade@1\.0\.1-strict$/);
    const productionName = modelOf(productionRun);

    // History: once a run is ticked, the other dataset's runs cannot be, and say why.
    await openPage(page, 'History');
    const runs = page.getByRole('table', { name: 'Classification runs' });
    const tick = (id: number) => runs.getByRole('checkbox', { name: `Compare run ${id}` });
    const compare = page.getByRole('button', { name: 'Compare', exact: true });
    await tick(productionRun).check();
    expect(await compare.isDisabled()).toBe(true);
    const others = runs.getByRole('row').filter({ hasText: OTHER_DATASET }).getByRole('checkbox');
    expect(await others.count()).toBe(2);
    for (const other of await others.all()) {
      expect(await other.isDisabled()).toBe(true);
      expect(await other.getAttribute('title')).toMatch(
        /only runs of one dataset can be compared\.$/,
      );
    }
    await page
      .getByRole('region', { name: 'Compare runs' })
      .getByText(/Runs of other datasets cannot be compared with it/)
      .waitFor();
    await tick(strictRun).check();
    await compare.click();

    const view = page.getByRole('region', { name: 'Run comparison' });
    const agreement = view.getByRole('region', { name: 'Agreement' });
    await agreement.waitFor();
    const left = view.getByRole('region', { name: 'Left run' });
    const right = view.getByRole('region', { name: 'Right run' });
    // The older run, the production one, is on the left.
    expect(await left.textContent()).toContain(productionName);
    expect(await right.textContent()).toContain(strictName);
    expect(await left.textContent()).toContain(DATASET);

    const agreeText = (await agreement.getByRole('group', { name: 'Agree' }).textContent()) ?? '';
    expect(agreeText).toMatch(new RegExp(`^Agree[\\d,]+ of ${total} \\(\\d+\\.\\d%\\)$`));
    const agree = await figure(agreement, 'Agree');
    const differ = await figure(agreement, 'Differ');
    expect(agree + differ).toBe(total);
    const leftUnassigned = await figure(left, 'Unassigned');
    const rightUnassigned = await figure(right, 'Unassigned');
    expect(differ).toBeGreaterThan(0);
    // Only the threshold changed: the strict run unassigns some and relabels none.
    expect(differ).toBe(rightUnassigned - leftUnassigned);
    // The counts the page shows are the stored runs'.
    const unassignedOf = (id: number) =>
      app.core.classifications.list().find((run) => run.id === id)?.unassignedCount;
    expect([leftUnassigned, rightUnassigned]).toEqual([
      unassignedOf(productionRun),
      unassignedOf(strictRun),
    ]);

    // Transitions: only label -> Unassigned changes, as many sequences as differ.
    const transitions = view.getByRole('table', { name: 'Label transitions' });
    const transitionRows = transitions.getByRole('row');
    await view.getByLabel('Only changes').check();
    const changes = await transitionRows.count();
    expect(changes).toBeGreaterThan(1);
    let changed = 0;
    for (let index = 1; index < changes; index += 1) {
      const cells = await transitionRows.nth(index).getByRole('cell').allTextContents();
      expect(cells[0]).not.toBe('Unassigned');
      expect(cells[1]).toBe('→ Unassigned');
      changed += Number(cells[2]!.replace(/,/g, ''));
    }
    expect(changed).toBe(differ);

    // The differing sequences: the right side of each says Unassigned.
    const table = view.getByRole('table', { name: 'Differing sequences' });
    const rows = table.getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    expect(await table.getAttribute('aria-rowcount')).toBe(String(differ + 1));
    for (let index = 1; index < (await rows.count()); index += 1) {
      const cells = await rows.nth(index).getByRole('cell').allTextContents();
      expect(cells[2]).not.toBe('Unassigned');
      expect(cells[4]).toBe('Unassigned');
    }
    // The export holds every one of them (the table shows those in view).
    const exported = await downloadText(page, () =>
      view.getByRole('button', { name: 'Export TSV' }).click(),
    );
    expect(exported.fileName).toMatch(/^comparison-\d+-vs-\d+\..+\.differing\.tsv$/);
    const [header, ...lines] = exported.text.trimEnd().split('\n');
    expect(header!.split('\t')).toEqual([
      'id',
      'left_label',
      'left_status',
      'left_confidence',
      'right_label',
      'right_status',
      'right_confidence',
    ]);
    expect(lines).toHaveLength(differ);
    for (const line of lines) {
      const [, leftLabel, leftStatus, , rightLabel, rightStatus] = line.split('\t');
      expect([leftLabel !== '', leftStatus, rightLabel, rightStatus]).toEqual([
        true,
        'assigned',
        '',
        'unassigned',
      ]);
    }

    // A right-hand label opens the sequence in the strict run, with its detail.
    const first = rows.nth(1);
    const seqId = (await first.getByRole('cell').nth(1).textContent()) ?? '';
    await first.getByRole('button', { name: 'Unassigned' }).click();
    await page.getByRole('heading', { level: 1, name: 'Classify' }).waitFor();
    await page.getByRole('region', { name: `Prediction ${seqId}`, exact: true }).waitFor();
    expect(
      await page
        .getByRole('region', { name: 'Classification summary' })
        .getByText(strictName, { exact: true })
        .count(),
    ).toBe(1);

    // History keeps the comparison until the analyst goes back to the runs.
    await openPage(page, 'History');
    await agreement.waitFor();
    // Swapped, the strict run is on the left; as many sequences differ.
    await view.getByRole('button', { name: 'Swap sides' }).click();
    await left.getByText(strictName, { exact: true }).waitFor();
    expect(await figure(agreement, 'Differ')).toBe(differ);
    expect((await rows.nth(1).getByRole('cell').allTextContents())[2]).toBe('Unassigned');
    await view.getByRole('button', { name: 'Back to all runs' }).click();
    await runs.waitFor();
  });
});
