/** `variantdesk cluster`: embed and cluster a dataset (or files), print assignments and summaries. */
import type { Command } from 'commander';
import type { ClusterParamsInput } from '../shared/cluster-schemas';
import type { ClusteringDetail } from '../shared/cluster-types';
import { writeFileAtomic } from '../core/files/atomic-write';
import type { VariantDeskCore } from '../core/variantdesk-core';
import { CliExit, resolveDataset } from './dataset-target';
import { followJob, jobFailure } from './follow-job';
import { integerOption, oneOfOption, outputFileOption } from './option-parsers';

interface ClusterOptions {
  embed: 'pca' | 'umap';
  method: 'kmeans' | 'hdbscan';
  k?: number;
  minClusterSize?: number;
  featurizer: 'auto' | 'kmer' | 'mutations';
  dimensions: 2 | 3;
  labelColumn?: string;
  metadata?: string;
  seed?: number;
  json?: boolean;
  tsv?: boolean;
  format?: 'tsv' | 'csv' | 'json' | 'ndjson';
  out?: string;
  quiet?: boolean;
}

const percent = (x: number | null): string => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
const fixed = (x: number | null): string => (x === null ? '-' : x.toFixed(3));

/** The human summary on stderr: metrics, then one line per cluster. */
export function describeClustering(detail: ClusteringDetail): string {
  const m = detail.metrics;
  const lines = [
    `${detail.sequenceCount} sequences, ${detail.clusterCount} clusters` +
      (detail.noiseCount ? `, ${detail.noiseCount} noise` : '') +
      ` (${detail.params.embed.toUpperCase()}, ${detail.params.method}; ${detail.featurizer})`,
    `silhouette ${fixed(m.silhouette)}` +
      (m.labelColumn
        ? `; against '${m.labelColumn}': ARI ${fixed(m.adjustedRandIndex)}, NMI ${fixed(m.normalizedMutualInformation)}`
        : ''),
  ];
  for (const c of detail.clusters) {
    const name = c.cluster < 0 ? 'noise' : `cluster ${c.cluster}`;
    const label = c.majorityLabel ? ` ${c.majorityLabel} (purity ${percent(c.purity)})` : '';
    const defining = c.definingMutations.slice(0, 6).map((d) => d.mutation);
    lines.push(
      `  ${name}: ${c.size} seqs, medoid ${c.medoidId}${label}` +
        (defining.length ? `; defining ${defining.join(' ')}` : ''),
    );
  }
  return `${lines.join('\n')}\n`;
}

async function runCluster(
  core: VariantDeskCore,
  targets: string[],
  options: ClusterOptions,
): Promise<void> {
  const quiet = Boolean(options.quiet);
  const datasetId = await resolveDataset(core, targets, quiet, options.metadata);
  // Align first (when needed) under its own progress bar, so the summaries name mutations.
  if ((await core.call('listAnalyses', { datasetId })).length === 0) {
    const started = await core.call('analyzeDataset', { datasetId });
    if (started.jobId) {
      const failure = jobFailure(
        await followJob(core, started.jobId, 'Aligning', !quiet),
        'Alignment',
      );
      if (failure) throw new CliExit(failure.code, failure.message);
    }
  }
  const params: ClusterParamsInput = {
    embed: options.embed,
    method: options.method,
    featurizer: options.featurizer,
    dimensions: options.dimensions,
    ...(options.k !== undefined && { k: options.k }),
    ...(options.minClusterSize !== undefined && { minClusterSize: options.minClusterSize }),
    ...(options.labelColumn !== undefined && { labelColumn: options.labelColumn }),
    ...(options.seed !== undefined && { seed: options.seed }),
  };
  const { jobId } = await core.call('clusterDataset', { datasetId, params });
  const job = await followJob(core, jobId, 'Clustering', !quiet);
  const failure = jobFailure(job, 'Clustering');
  if (failure) throw new CliExit(failure.code, failure.message);
  if (job.kind !== 'cluster' || !job.result) throw new CliExit(1, 'Clustering failed');
  const clusteringId = job.result.clustering.id;
  const detail = await core.call('getClustering', { clusteringId });
  if (!quiet) process.stderr.write(describeClustering(detail));
  const format = options.json ? 'json' : (options.format ?? 'tsv');
  let content: string;
  if (format === 'json') {
    const points = await core.call('getClusterPoints', { clusteringId });
    content = `${JSON.stringify({ clustering: detail, points }, null, 2)}\n`;
  } else {
    content = (await core.call('exportClustering', { clusteringId, format })).content;
  }
  if (options.out) {
    await writeFileAtomic(options.out, content);
    if (!quiet) process.stderr.write(`Wrote ${options.out}\n`);
  } else {
    process.stdout.write(content);
  }
}

export function clusterCommand(program: Command, openCore: () => VariantDeskCore): void {
  program
    .command('cluster')
    .description(
      'embed (PCA or UMAP) and cluster (k-means or HDBSCAN) a dataset; prints one row per sequence and the cluster summaries on stderr',
    )
    .argument('<dataset|files...>', 'a dataset id or name, or FASTA/FASTQ files (imported first)')
    .option(
      '--embed <embed>',
      'pca or umap',
      oneOfOption('--embed', ['pca', 'umap'] as const),
      'umap',
    )
    .option(
      '--method <method>',
      'kmeans or hdbscan',
      oneOfOption('--method', ['kmeans', 'hdbscan'] as const),
      'kmeans',
    )
    .option(
      '--k <n>',
      'k-means clusters (default: chosen by silhouette from 2 to 15)',
      integerOption('--k', 2),
    )
    .option(
      '--min-cluster-size <n>',
      'HDBSCAN smallest cluster (default 10)',
      integerOption('--min-cluster-size', 2),
    )
    .option(
      '--featurizer <kind>',
      'auto (mutations once aligned), mutations (N-aware presence) or kmer (6-mer spectra)',
      oneOfOption('--featurizer', ['auto', 'kmer', 'mutations'] as const),
      'auto',
    )
    .option(
      '--dimensions <n>',
      '2 or 3',
      (v) => Number(oneOfOption('--dimensions', ['2', '3'] as const)(v)) as 2 | 3,
      2,
    )
    .option(
      '--label-column <column>',
      'metadata column to compare with (default: a clade/lineage column)',
    )
    .option('--metadata <file>', 'CSV/TSV metadata joined by id when files are given')
    .option('--seed <n>', 'random seed (default 1)', integerOption('--seed', 0))
    .option('--json', 'print the clustering (metrics, summaries, points) as JSON')
    .option('--tsv', 'print the assignments as TSV (the default)')
    .option(
      '--format <format>',
      'assignments as tsv, csv, json or ndjson',
      oneOfOption('--format', ['tsv', 'csv', 'json', 'ndjson'] as const),
    )
    .option('--out <file>', 'write to a file instead of stdout', outputFileOption('--out'))
    .option('--quiet', 'no progress or summary on stderr')
    .action(async (targets: string[], options: ClusterOptions) => {
      const core = openCore();
      try {
        await runCluster(core, targets, options);
      } catch (error) {
        if (!(error instanceof CliExit)) throw error;
        process.stderr.write(`${error.message}\n`);
        process.exitCode = error.code;
      } finally {
        await core.close();
      }
    });
}
