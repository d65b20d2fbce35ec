/**
 * Checks every request passes before a route runs, in this order:
 * 1. Host: only requests addressed to this server (its bound address or a loopback name,
 *    with its port), so a web page cannot rebind its own name to 127.0.0.1 (DNS rebinding).
 * 2. Origin: a state-changing request sent by a page must come from this server's own page.
 *    A request without Origin (curl, scripts) is left to the token.
 * 3. Token: on every route but the health checks (`Authorization: Bearer`, the cookie, or
 *    `?token=` once, which sets the cookie for the page).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const TOKEN_COOKIE = 'variantdesk_token';
const OPEN_ROUTES = new Set(['/health', '/api/health']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

export interface GuardOptions {
  token: string;
  /** More names the server answers to (e.g. its DNS name when bound off loopback). */
  allowedHosts?: readonly string[];
}

/** A Host header (or an Origin's host) split into its name and port. */
interface HostName {
  name: string;
  port: number | null;
}

function parseHost(text: string): HostName | null {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(text.trim());
  if (!match) return null;
  return { name: match[1]!.toLowerCase(), port: match[2] ? Number(match[2]) : null };
}

/** How an address appears in a Host header. */
function hostOf(address: string): string {
  return address.includes(':') ? `[${address.toLowerCase()}]` : address.toLowerCase();
}

function isUnspecified(address: string): boolean {
  return address === '0.0.0.0' || address === '::';
}

/** The addresses of this machine's interfaces, for a server bound to all of them. */
function machineHosts(): string[] {
  const addresses = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  return [...addresses.map((a) => hostOf(a.address)), hostname().toLowerCase()];
}

/** Whom this server answers to, read from the socket it listens on. */
class AddressedTo {
  private cache: { port: number; names: Set<string>; primary: string } | null = null;

  constructor(
    private readonly app: FastifyInstance,
    private readonly extra: readonly string[],
  ) {}

  /** Null while the server listens on no socket (requests come only from `inject`). */
  private bound(): { port: number; names: Set<string>; primary: string } | null {
    const address = this.app.server.address() as AddressInfo | string | null;
    if (!address || typeof address === 'string') return null;
    if (this.cache?.port === address.port) return this.cache;
    const wildcard = isUnspecified(address.address);
    const primary = wildcard ? hostname().toLowerCase() : hostOf(address.address);
    const names = new Set([
      ...LOOPBACK_NAMES,
      primary,
      ...(wildcard ? machineHosts() : []),
      ...this.extra.map((name) => name.toLowerCase()),
    ]);
    this.cache = { port: address.port, names, primary };
    return this.cache;
  }

  accepts(host: HostName | null): boolean {
    if (!host) return false;
    const bound = this.bound();
    if (!bound) return LOOPBACK_NAMES.includes(host.name);
    return bound.names.has(host.name) && (host.port ?? 80) === bound.port;
  }

  /** "127.0.0.1:4173 or localhost:4173". */
  describe(): string {
    const bound = this.bound();
    if (!bound) return 'localhost';
    return `${bound.primary}:${bound.port} or localhost:${bound.port}`;
  }

  /** The origin of this server's own page. */
  origin(): string {
    const bound = this.bound();
    return bound ? `http://${bound.primary}:${bound.port}` : 'http://localhost';
  }
}

async function refuse(reply: FastifyReply, status: number, message: string): Promise<void> {
  await reply.code(status).send({ kind: 'invalid-input', message });
}

/** Compares in constant time (of the digests), so the answer's timing tells nothing. */
function isToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}

function cookieToken(request: FastifyRequest): string | undefined {
  const cookies = request.headers.cookie?.split(/;\s*/) ?? [];
  return cookies.find((c) => c.startsWith(`${TOKEN_COOKIE}=`))?.slice(TOKEN_COOKIE.length + 1);
}

function originAccepted(origin: string, addressedTo: AddressedTo): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  return url.protocol === 'http:' && addressedTo.accepts(parseHost(url.host));
}

export function registerRequestGuards(app: FastifyInstance, options: GuardOptions): void {
  const { token } = options;
  const addressedTo = new AddressedTo(app, options.allowedHosts ?? []);

  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host ?? '';
    if (!addressedTo.accepts(parseHost(host)))
      return refuse(
        reply,
        421,
        `this server answers only requests addressed to it (${addressedTo.describe()}), not to '${host.slice(0, 200)}'`,
      );
    const origin = request.headers.origin;
    if (origin !== undefined && !SAFE_METHODS.has(request.method)) {
      if (!originAccepted(origin, addressedTo))
        return refuse(
          reply,
          403,
          `cross-site request refused: Origin '${origin.slice(0, 200)}' is not this server (${addressedTo.origin()})`,
        );
    }
    if (OPEN_ROUTES.has(request.routeOptions.url ?? '')) return;
    const bearer = request.headers.authorization?.replace(/^Bearer /, '');
    if (isToken(bearer, token) || isToken(cookieToken(request), token)) return;
    if (isToken((request.query as { token?: string }).token, token)) {
      // The page opened with `?token=` gets a cookie, so its own requests carry the token.
      reply.header('set-cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      return;
    }
    return refuse(reply, 401, 'missing or wrong access token');
  });
}
