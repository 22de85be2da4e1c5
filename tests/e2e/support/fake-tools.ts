/**
 * A local HTTPS server that impersonates the real tools (app.asana.com, docs.google.com, …).
 *
 * Chromium maps the tool hostnames to this server with --host-resolver-rules, and every other
 * hostname too (a sink): whatever the browser asks for ends up here, so the server's log is an
 * independent record of every request that reached the network stack. One port speaks both HTTPS
 * and plain HTTP (it looks at the first byte). HTTPS is what the tools use: Chromium upgrades
 * HSTS-preloaded domains (google.com, slack.com …) to https.
 *
 * Every page's <title> carries TITLE_SECRET, so tests can assert that titles are never stored.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Appears in every served page's <title>; must never appear in anything the extension stores. */
export const TITLE_SECRET = 'TitleSecret-e2e-7f3a9c51';

/** Real tool hostnames the scenarios visit. */
export const TOOL_HOSTS = [
  'app.asana.com',
  'docs.google.com',
  'app.slack.com',
  'calendar.google.com',
  'www.figma.com',
  'mail.google.com',
  'meet.google.com',
  'github.com',
] as const;

export interface ServedRequest {
  /** Host header without port. */
  host: string;
  method: string;
  /** Path and query as requested. */
  url: string;
  /** True for an HTTP upgrade (WebSocket) request. */
  upgrade: boolean;
  at: number;
}

/** A response for one request, or null to serve the fake tool page. */
export type ServeOverride = (request: { host: string; url: string; headers: IncomingMessage['headers'] }) => {
  status: number;
  headers?: Record<string, string>;
  body?: string;
} | null;

export interface FakeToolServer {
  port: number;
  hosts: readonly string[];
  /** Every request received, in order. */
  requests: ServedRequest[];
  /** The server name (SNI) of every TLS connection, even those whose handshake then failed. */
  tlsServerNames: string[];
  /** `https://host/path` (the browser maps the host to this server). */
  url(host: string, pathAndQuery?: string): string;
  close(): Promise<void>;
}

function requireOpenssl(): void {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'openssl is needed to create the test certificate. Install it (Debian/Ubuntu: `sudo apt-get install openssl`).',
    );
  }
}

/** A throw-away self-signed certificate for the given hostnames (valid 2 days). */
export function selfSignedCertificate(hosts: readonly string[]): { key: Buffer; cert: Buffer } {
  requireOpenssl();
  const dir = mkdtempSync(path.join(tmpdir(), 'creative-ratio-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    const san = ['DNS:localhost', 'IP:127.0.0.1', ...hosts.map((host) => `DNS:${host}`)].join(',');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=localhost',
        '-addext',
        `subjectAltName=${san}`,
        '-days',
        '2',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function fakePage(host: string, pathAndQuery: string): string {
  const where = escapeHtml(`${host}${pathAndQuery}`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE_SECRET} · ${where}</title></head><body><h1>Fake ${where}</h1><p>Served by the Creative Ratio e2e harness.</p></body></html>`;
}

export async function startFakeToolServer(
  hosts: readonly string[] = TOOL_HOSTS,
  serve?: ServeOverride,
): Promise<FakeToolServer> {
  const { key, cert } = selfSignedCertificate(hosts);
  const requests: ServedRequest[] = [];
  const tlsServerNames: string[] = [];
  const hostOf = (header: string | undefined) => (header ?? '').replace(/:\d+$/, '').toLowerCase();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    requests.push({ host: hostOf(req.headers.host), method: req.method ?? 'GET', url, upgrade: false, at: Date.now() });
    if (url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const own = serve?.({ host: hostOf(req.headers.host), url, headers: req.headers });
    if (own) {
      res.writeHead(own.status, own.headers ?? {});
      res.end(own.body ?? '');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(fakePage(hostOf(req.headers.host), url));
  };
  const upgrade = (req: IncomingMessage, socket: Duplex) => {
    requests.push({
      host: hostOf(req.headers.host),
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      upgrade: true,
      at: Date.now(),
    });
    socket.destroy();
  };
  const https = createHttpsServer(
    {
      key,
      cert,
      SNICallback: (serverName, done) => {
        tlsServerNames.push(serverName.toLowerCase());
        done(null);
      },
    },
    handle,
  );
  const http = createHttpServer(handle);
  for (const inner of [https, http]) inner.on('upgrade', upgrade);
  // Firefox has no --host-resolver-rules: it reaches every hostname through this server as its
  // proxy (network.proxy.*), tunnelling HTTPS with CONNECT. The tunnel's target is logged as a
  // request too, so the log stays a record of every host the browser tried to reach.
  http.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    requests.push({ host: hostOf(req.url), method: 'CONNECT', url: req.url ?? '', upgrade: false, at: Date.now() });
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    https.emit('connection', socket);
  });
  // A client that rejects the certificate or hangs up must not crash the test run.
  https.on('tlsClientError', () => {});
  http.on('clientError', (_error, socket) => socket.destroy());

  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      // 0x16 starts a TLS handshake record.
      (first[0] === 0x16 ? https : http).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    hosts,
    requests,
    tlsServerNames,
    url: (host, pathAndQuery = '/') => `https://${host}${pathAndQuery.startsWith('/') ? '' : '/'}${pathAndQuery}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
