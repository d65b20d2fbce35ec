/**
 * Classification over HTTP: `POST /classify` (also at `/inference/classify`) takes FASTA
 * text or `{id, sequence}` records and answers with one prediction per sequence and a
 * summary; `POST /predict` and `POST /predict-batch` take JSON. The model is a registered
 * version (`model`), the production model of `pathogen`, or of the pathogen detected.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ModelVersionSummary, Prediction } from '../shared/classify-types';
import { InvalidInputError } from '../core/errors';
import type { VariantDeskCore } from '../core/variantdesk-core';
import {
  classifyBodySchema,
  classifyQuerySchema,
  classifyResponseSchema,
  errorResponseSchema,
  fastaTextSchema,
  predictBatchBodySchema,
  predictBatchResponseSchema,
  predictBodySchema,
  predictResponseSchema,
  type ClassifyResponse,
} from './classify-api-schemas';
import type { ApiMetrics } from './metrics';
import { documentOnlySchemas, jsonResponse, routeSchema } from './openapi';
import { checkRecordCount, formatBytes, LIMITS } from './request-limits';
import { parseFastaText, type TextRecord } from '../core/sequences/sequence-text';
import { parseOrThrow } from './sequence-body';
import { modelRef } from './service-routes';

const FASTA_TYPES = ['text/plain', 'text/x-fasta'];
/** Id of the one sequence of `POST /predict` when the request names none. */
const DEFAULT_ID = 'sequence';

interface ModelChoice {
  model?: number;
  pathogen?: string;
}

interface ClassifyInput extends ModelChoice {
  records: TextRecord[];
}

function routeName(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? request.url}`;
}

/** One setting given in the query string, the body, or both alike. */
function eitherPlace<T>(
  key: string,
  fromQuery: T | undefined,
  fromBody: T | undefined,
): T | undefined {
  if (fromQuery !== undefined && fromBody !== undefined && fromQuery !== fromBody)
    throw new InvalidInputError(
      `${key} is given twice, differently: '${String(fromQuery)}' in the query string, '${String(fromBody)}' in the body`,
    );
  return fromBody ?? fromQuery;
}

/** The model and pathogen from the query string and the body. */
function requestedModel(request: FastifyRequest, body: ModelChoice): ModelChoice {
  const route = routeName(request);
  const query = parseOrThrow(classifyQuerySchema, request.query ?? {}, `query string of ${route}`);
  return {
    model: eitherPlace('model', query.model, body.model),
    pathogen: eitherPlace('pathogen', query.pathogen, body.pathogen),
  };
}

/** Too many records is a 413 before any of them is checked. */
function checkJsonRecordCount(body: unknown, max: number, route: string): void {
  const sequences = (body as { sequences?: unknown } | null)?.sequences;
  if (Array.isArray(sequences)) checkRecordCount(sequences.length, max, route);
}

/** FASTA text by the core's parser, with the core's record limit and the route's count limit. */
function readFasta(text: string, route: string, maxRecordLength: number): TextRecord[] {
  const max = LIMITS.classify.records;
  return parseFastaText(text, {
    maxRecordLength,
    checkCount: (count) => checkRecordCount(count, max, route),
  });
}

function readClassifyBody(request: FastifyRequest, maxRecordLength: number): ClassifyInput {
  const route = routeName(request);
  const max = LIMITS.classify.records;
  const body: unknown = request.body;
  if (typeof body === 'string') return { records: readFasta(body, route, maxRecordLength) };
  if (body === undefined || body === null)
    throw new InvalidInputError(
      `no sequences: send FASTA text (content-type text/plain or text/x-fasta), or JSON { "fasta": "..." } or { "sequences": [{ "id": "...", "sequence": "..." }] } to ${route}`,
    );
  checkJsonRecordCount(body, max, route);
  const { fasta, sequences, model, pathogen } = parseOrThrow(
    classifyBodySchema,
    body,
    `body of ${route}`,
  );
  const records = fasta !== undefined ? readFasta(fasta, route, maxRecordLength) : sequences!;
  return { records, model, pathogen };
}

/** Aborts when the client goes away before the answer is sent. */
function disconnectSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableEnded) controller.abort(new Error('the client disconnected'));
  });
  return controller.signal;
}

function summarize(predictions: readonly Prediction[]): ClassifyResponse['summary'] {
  const counts = new Map<string, number>();
  for (const p of predictions)
    if (p.status === 'assigned' && p.label !== null)
      counts.set(p.label, (counts.get(p.label) ?? 0) + 1);
  const assigned = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const ordered = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    total: predictions.length,
    assigned,
    unassigned: predictions.length - assigned,
    labels: Object.fromEntries(ordered),
  };
}

const errorResponses = {
  400: jsonResponse(
    'Bad input: the message names the field or record and what is wrong',
    errorResponseSchema,
  ),
  401: jsonResponse('Missing or wrong access token', errorResponseSchema),
  404: jsonResponse(
    'No registered model with that id, or no production model for the pathogen',
    errorResponseSchema,
  ),
  413: jsonResponse('The body or the number of records is over the limit', errorResponseSchema),
};

const modelQuery = { querystring: routeSchema(classifyQuerySchema) };

/** Classifies a request's records with the model its query string and body name. */
type ClassifyRequest = (
  request: FastifyRequest,
  reply: FastifyReply,
  input: ClassifyInput,
) => Promise<{ model: ModelVersionSummary; predictions: Prediction[] }>;

function classifyRouteOptions() {
  const limits = LIMITS.classify;
  return {
    bodyLimit: limits.bodyBytes,
    schema: {
      tags: ['classification'],
      summary: 'Classify sequences (FASTA text or records)',
      description: `The body is FASTA text (content-type text/plain or text/x-fasta), or JSON with \`fasta\` or \`sequences\`. The model is \`model\`, else the production model of \`pathogen\`, else of the pathogen detected from the sequences; both can also be given as query parameters. At most ${formatBytes(limits.bodyBytes)} and ${limits.records.toLocaleString('en-US')} sequences per request.`,
      ...modelQuery,
      body: {
        content: {
          'application/json': { schema: routeSchema(classifyBodySchema) },
          ...Object.fromEntries(
            FASTA_TYPES.map((type) => [type, { schema: routeSchema(fastaTextSchema) }]),
          ),
        },
      },
      response: {
        200: jsonResponse('One prediction per sequence, and a summary', classifyResponseSchema),
        ...errorResponses,
      },
    },
  };
}

/** `POST /classify` and its alias `/inference/classify`. */
function registerClassify(
  app: FastifyInstance,
  classify: ClassifyRequest,
  maxRecordLength: number,
): void {
  const handler = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<ClassifyResponse> => {
    const input = readClassifyBody(request, maxRecordLength);
    const { model, predictions } = await classify(request, reply, input);
    return { model: modelRef(model), predictions, summary: summarize(predictions) };
  };
  const options = classifyRouteOptions();
  app.post('/classify', options, handler);
  app.post('/inference/classify', options, handler);
}

function registerPredict(app: FastifyInstance, classify: ClassifyRequest): void {
  const { predict } = LIMITS;
  const schema = {
    tags: ['classification'],
    summary: 'Classify one sequence',
    description: `At most ${formatBytes(predict.bodyBytes)}.`,
    ...modelQuery,
    body: routeSchema(predictBodySchema),
    response: { 200: jsonResponse('The prediction', predictResponseSchema), ...errorResponses },
  };
  app.post('/predict', { bodyLimit: predict.bodyBytes, schema }, async (request, reply) => {
    const { id, sequence, ...body } = parseOrThrow(
      predictBodySchema,
      request.body ?? {},
      `body of ${routeName(request)}`,
    );
    const records = [{ id: id ?? DEFAULT_ID, sequence }];
    const result = await classify(request, reply, { records, ...body });
    return { model: modelRef(result.model), prediction: result.predictions[0]! };
  });
}

function registerPredictBatch(app: FastifyInstance, classify: ClassifyRequest): void {
  const { predictBatch } = LIMITS;
  const schema = {
    tags: ['classification'],
    summary: 'Classify a batch of sequences given as records',
    description: `At most ${formatBytes(predictBatch.bodyBytes)} and ${predictBatch.records.toLocaleString('en-US')} sequences per request.`,
    ...modelQuery,
    body: routeSchema(predictBatchBodySchema),
    response: {
      200: jsonResponse(
        'One prediction per sequence, in the order posted',
        predictBatchResponseSchema,
      ),
      ...errorResponses,
    },
  };
  app.post(
    '/predict-batch',
    { bodyLimit: predictBatch.bodyBytes, schema },
    async (request, reply) => {
      const route = routeName(request);
      checkJsonRecordCount(request.body, predictBatch.records, route);
      const { sequences, ...body } = parseOrThrow(
        predictBatchBodySchema,
        request.body ?? {},
        `body of ${route}`,
      );
      const result = await classify(request, reply, { records: sequences, ...body });
      return { model: modelRef(result.model), predictions: result.predictions };
    },
  );
}

export function registerClassifyRoutes(
  app: FastifyInstance,
  core: VariantDeskCore,
  metrics: ApiMetrics,
): void {
  documentOnlySchemas(app);
  app.addContentTypeParser('text/x-fasta', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );
  const classify: ClassifyRequest = async (request, reply, { records, ...body }) => {
    const { model, pathogen } = requestedModel(request, body);
    const result = await core.classifyRecords(records, {
      modelId: model,
      pathogenId: pathogen,
      signal: disconnectSignal(reply),
    });
    metrics.recordPredictions(result.model, result.predictions);
    return result;
  };
  registerClassify(app, classify, core.maxRecordLength);
  registerPredict(app, classify);
  registerPredictBatch(app, classify);
}
