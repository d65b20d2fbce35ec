/**
 * onnxruntime (1.29+ on Linux and macOS) keeps telemetry on by default: at its first session it
 * writes a device id and an upload queue under ~/.cache/Microsoft/DeveloperTools/.onnxruntime
 * and sends them over HTTPS when it can. `ORT_DISABLE_TELEMETRY=1`, set before that first
 * session, turns all of it off for the process (onnxruntime latches the decision); the Node
 * binding has no API for it. Imported by session.ts before onnxruntime-node, so any process
 * that can run a model has set it.
 *
 * Only the main thread's process.env reaches the C environment: a worker thread's is a copy.
 * Every front loads the core (which reaches this module through the registry's load check)
 * on its main thread before any worker starts.
 */
import { isMainThread } from 'node:worker_threads';

export const TELEMETRY_VARIABLE = 'ORT_DISABLE_TELEMETRY';

if (isMainThread) process.env[TELEMETRY_VARIABLE] = '1';
