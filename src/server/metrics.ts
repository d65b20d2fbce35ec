/**
 * `GET /metrics` in the Prometheus text format: requests by route and status, latency by
 * route, predictions by model and label, the unassigned share, and the default process
 * metrics. Each server has its own registry, so several servers can live in one process.
 */
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ModelVersionSummary, Prediction } from '../shared/classify-types';

/** Seconds; classification of a large batch takes minutes. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'variantdesk_http_requests_total',
    help: 'HTTP requests, by method, route and status code (499: the client went away first)',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'variantdesk_http_request_duration_seconds',
    help: 'Time from receiving a request to sending the whole response, by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly predictions = new Counter({
    name: 'variantdesk_predictions_total',
    help: 'Sequences assigned a label, by model (name@version) and label',
    labelNames: ['model', 'label'] as const,
    registers: [this.registry],
  });
  private readonly classified = new Counter({
    name: 'variantdesk_sequences_classified_total',
    help: 'Sequences classified, assigned or not, by model',
    labelNames: ['model'] as const,
    registers: [this.registry],
  });
  private readonly unassigned = new Counter({
    name: 'variantdesk_sequences_unassigned_total',
    help: 'Sequences left unassigned, by model and reason',
    labelNames: ['model', 'reason'] as const,
    registers: [this.registry],
  });
  private readonly unassignedShare = new Gauge({
    name: 'variantdesk_unassigned_share',
    help: 'Share of the sequences classified since the start that were left unassigned, by model',
    labelNames: ['model'] as const,
    registers: [this.registry],
  });
  private readonly totals = new Map<string, { total: number; unassigned: number }>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  recordRequest(method: string, route: string, statusCode: number, seconds: number | null): void {
    this.requests.inc({ method, route, status_code: String(statusCode) });
    if (seconds !== null) this.latency.observe({ method, route }, seconds);
  }

  recordPredictions(model: ModelVersionSummary, predictions: readonly Prediction[]): void {
    const name = `${model.name}@${model.version}`;
    const totals = this.totals.get(name) ?? { total: 0, unassigned: 0 };
    for (const prediction of predictions) {
      if (prediction.label !== null && prediction.status === 'assigned')
        this.predictions.inc({ model: name, label: prediction.label });
      else {
        this.unassigned.inc({ model: name, reason: prediction.reason ?? 'unknown' });
        totals.unassigned++;
      }
    }
    totals.total += predictions.length;
    this.totals.set(name, totals);
    this.classified.inc({ model: name }, predictions.length);
    if (totals.total > 0)
      this.unassignedShare.set({ model: name }, totals.unassigned / totals.total);
  }
}

/** Counts every answered request and serves the registry at `GET /metrics`. */
export function registerMetrics(app: FastifyInstance): ApiMetrics {
  const metrics = new ApiMetrics();
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL, so ids and typos do not grow the label set.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.recordRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
  // A client that went away before the answer: counted as 499 (as nginx does), no latency.
  app.addHook('onRequest', async (request, reply) => {
    reply.raw.once('close', () => {
      if (reply.raw.writableEnded) return;
      metrics.recordRequest(request.method, request.routeOptions.url ?? 'unmatched', 499, null);
    });
  });
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['service'],
        summary: 'Prometheus metrics',
        description:
          'Requests by route and status, latency by route, predictions by model and label, the unassigned share, and process metrics, in the Prometheus text format.',
        response: {
          200: {
            description: 'The Prometheus text exposition format (version 0.0.4)',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
        },
      },
    },
    async (_request, reply) => {
      const text = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(text);
    },
  );
  return metrics;
}
