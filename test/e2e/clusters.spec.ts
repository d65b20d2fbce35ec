/**
 * Clustering through the real UI: run with the defaults on the SARS-CoV-2 example, read
 * the plot, the summaries and the metrics, recolor, export the assignments, and open one
 * cluster's sequences in the Sequences page.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type AppHandle } from './harness';
import {
  EXAMPLE_FASTA,
  EXAMPLE_METADATA,
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

const DATASET = 'SARS-CoV-2 example';
/** A mutation label as the analysis writes it: `S:N501Y`, `ORF1a:T1001I`, `C241T`, `del…`. */
const MUTATION_LABEL = /^[\w.:-]*\d+[\w*-]*$/;

const plot = () => page.getByRole('figure', { name: 'Cluster plot' });
const summaries = () => page.getByRole('region', { name: 'Cluster summaries' });

describe('clusters', () => {
  it('clusters the SARS-CoV-2 example, explains its clusters and opens one in Sequences', async () => {
    const total = countFastaRecords(EXAMPLE_FASTA);
    // Plotly must draw under the app's CSP (no eval): any refusal is a failure.
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
    });
    await importThroughUi(page, [EXAMPLE_FASTA], DATASET, EXAMPLE_METADATA);

    await openPage(page, 'Clusters');
    await page.getByText('has not been clustered yet').waitFor();
    await page.getByRole('button', { name: 'Run clustering' }).click();
    // The example has no alignment yet: the run aligns it first, then clusters.
    await page.getByRole('region', { name: 'Clustering progress' }).waitFor();

    // The plot: WebGL points (the strict CSP allows no eval, the strict plotly build needs
    // none) and one legend entry per cluster.
    await summaries().waitFor({ timeout: 150_000 });
    await plot().locator('canvas').first().waitFor();
    await plot().locator('.legend .traces').first().waitFor();
    const clusterButtons = summaries().getByRole('button', { name: /^(Cluster \d+|Noise), / });
    const clusterCount = await clusterButtons.count();
    expect(clusterCount).toBeGreaterThanOrEqual(2);
    expect(await plot().locator('.legend .traces').count()).toBe(clusterCount);
    expect(await plot().textContent()).not.toContain('WebGL is not supported');
    expect(refusals).toEqual([]);

    // The summaries name defining mutations; the metrics compare with a label column.
    const mutations = summaries().getByRole('list', { name: /^Defining mutations of / });
    expect(await mutations.count()).toBeGreaterThan(0);
    const firstMutation =
      (await mutations.first().getByRole('listitem').first().textContent()) ?? '';
    expect(firstMutation.split(/\s+/)[0]).toMatch(MUTATION_LABEL);
    const ari = (await page.getByRole('group', { name: 'ARI' }).textContent()) ?? '';
    expect(ari).toMatch(/^ARI-?\d\.\d{3}$/);
    await page.getByText(/ARI and NMI compare the clusters with the “\w+” column/).waitFor();

    // The runs list holds the run, selected.
    const runs = page.getByRole('table', { name: 'Clustering runs' });
    expect(await runs.getByRole('row').count()).toBe(2);
    expect(
      await runs.getByRole('button', { name: /^Show run \d+$/ }).getAttribute('aria-pressed'),
    ).toBe('true');

    // Color by a metadata column: the legend follows it.
    await page.getByLabel('Color by').selectOption({ value: 'column:clade' });
    await plot().locator('.legendtitletext', { hasText: 'clade' }).waitFor();
    expect(await plot().locator('.legend .traces').count()).toBeGreaterThan(0);

    // A lasso around the whole plot area picks every point, whatever group holds it.
    const area = (await plot().locator('.nsewdrag').first().boundingBox())!;
    const corners: [number, number][] = [
      [0.005, 0.005],
      [0.995, 0.005],
      [0.995, 0.995],
      [0.005, 0.995],
      [0.005, 0.01],
    ];
    await page.mouse.move(
      area.x + area.width * corners[0]![0],
      area.y + area.height * corners[0]![1],
    );
    await page.mouse.down();
    for (const [fx, fy] of corners.slice(1)) {
      await page.mouse.move(area.x + area.width * fx, area.y + area.height * fy, { steps: 4 });
    }
    await page.mouse.up();
    await page
      .getByRole('status')
      .filter({ hasText: `${total} selected` })
      .waitFor();
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await page.getByText('Lasso or box to pick points').waitFor();

    // The assignments: one row per sequence.
    await page.getByText('Export', { exact: true }).click();
    const exported = await downloadText(page, () =>
      page
        .getByRole('group', { name: 'Cluster assignments' })
        .getByRole('button', { name: 'TSV' })
        .click(),
    );
    expect(exported.fileName).toMatch(/\.tsv$/);
    const lines = exported.text.trimEnd().split('\n');
    expect(lines[0]!.split('\t').slice(0, 4)).toEqual(['seq_id', 'cluster', 'x', 'y']);
    expect(lines).toHaveLength(total + 1);
    await page.keyboard.press('Escape');

    // Pick a cluster's points and open them in Sequences: the table holds exactly them.
    const cluster = clusterButtons.first();
    const size = Number(
      /, ([\d,]+) sequences$/
        .exec((await cluster.getAttribute('aria-label')) ?? '')?.[1]
        ?.replace(/,/g, ''),
    );
    expect(size).toBeGreaterThan(0);
    await cluster.click();
    await page
      .getByRole('status')
      .filter({ hasText: `${size} selected` })
      .waitFor();
    await page.getByRole('button', { name: 'Open in Sequences' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sequences' }).waitFor();
    await page
      .getByText(`${size} ${size === 1 ? 'sequence' : 'sequences'} from cluster plot`)
      .waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `${size} of ${total} sequences` })
      .waitFor();

    // Removing the pick shows every sequence again.
    await page.getByRole('button', { name: 'Remove the cluster plot selection' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${total} of ${total} sequences` })
      .waitFor();
  });
});
