import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JobEvent } from '../shared/types';

/** Streams job events as server-sent events until the client goes away. */
export function streamJobEvents(
  request: FastifyRequest,
  reply: FastifyReply,
  subscribe: (listener: (event: JobEvent) => void) => () => void,
): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  // Comments keep proxies and idle timers from closing a quiet stream.
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  request.raw.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}
