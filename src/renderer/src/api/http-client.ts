/**
 * Browser mode: the contract over the local server. `POST /api/rpc/<operation>` for every
 * operation, one shared EventSource on `/api/events` for job events, and `POST
 * /api/uploads` to stage dropped files where the core can read them: the FileRef an upload
 * answers names the upload by an opaque id, passed back to importFiles/importModel as is.
 */
import type {
  OperationInput,
  OperationName,
  OperationResults,
  Operations,
  VariantDeskApi,
} from '../../../shared/contract';
import type { FileRef } from '../../../shared/schemas';
import type { JobEvent } from '../../../shared/types';
import { ApiError, errorFromBody } from './api-error';
import { operationNames } from '../../../shared/operation-names';

type JobListener = (event: JobEvent) => void;

export interface HttpClientOptions {
  /** Origin of the server; empty for the page's own origin. */
  baseUrl?: string;
  /** The server's access token (`serve` prints the page's URL with `?token=`). */
  token?: string | null;
}

export function createHttpClient({
  baseUrl = '',
  token = null,
}: HttpClientOptions = {}): VariantDeskApi {
  const authHeaders: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};

  async function call<K extends OperationName>(
    name: K,
    input: OperationInput<K>,
  ): Promise<OperationResults[K]> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/rpc/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...authHeaders },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new ApiError('Cannot reach the VariantDesk server', 'internal');
    }
    const body = await response.text();
    if (!response.ok) throw errorFromBody(response.status, body);
    return JSON.parse(body) as OperationResults[K];
  }

  const operation =
    <K extends OperationName>(name: K) =>
    (input: OperationInput<K>) =>
      call(name, input);

  // One method per operation of the contract, generated from its list of names.
  const operations = Object.fromEntries(
    operationNames.map((name) => [name, operation(name)]),
  ) as unknown as Operations;

  // EventSource cannot send headers: the token travels in the query.
  const eventsUrl = `${baseUrl}/api/events${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  const jobEvents = createJobEventSource(eventsUrl);

  return {
    ...operations,
    onJobEvent: jobEvents.subscribe,
    async stageFiles(files, onProgress) {
      const refs: FileRef[] = [];
      // One at a time: the bytes go to the same disk, parallel uploads only interleave.
      for (const file of files) {
        refs.push(await uploadFile(`${baseUrl}/api/uploads`, authHeaders, file, onProgress));
      }
      return refs;
    },
    runtime: 'browser',
  };
}

/** One EventSource shared by every listener, opened on the first and closed after the last. */
function createJobEventSource(url: string) {
  const listeners = new Set<JobListener>();
  let source: EventSource | null = null;

  function dispatch(message: MessageEvent<string>) {
    let event: JobEvent;
    try {
      event = JSON.parse(message.data) as JobEvent;
    } catch {
      return;
    }
    if (event.type !== 'job') return;
    for (const listener of listeners) listener(event);
  }

  return {
    subscribe(listener: JobListener): () => void {
      listeners.add(listener);
      if (!source) {
        source = new EventSource(url);
        source.onmessage = dispatch;
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

function uploadFile(
  url: string,
  headers: Record<string, string>,
  file: File,
  onProgress?: (name: string, sent: number, total: number) => void,
): Promise<FileRef> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      onProgress?.(file.name, event.loaded, event.lengthComputable ? event.total : file.size);
    };
    request.onload = () => {
      if (request.status !== 200) {
        reject(errorFromBody(request.status, request.responseText));
        return;
      }
      onProgress?.(file.name, file.size, file.size);
      try {
        resolve(JSON.parse(request.responseText) as FileRef);
      } catch {
        reject(new ApiError(`The upload of ${file.name} returned no file reference`, 'internal'));
      }
    };
    request.onerror = () =>
      reject(
        new ApiError(`The upload of ${file.name} failed: cannot reach the server`, 'internal'),
      );
    request.onabort = () =>
      reject(new ApiError(`The upload of ${file.name} was aborted`, 'internal'));
    request.send(file);
  });
}
