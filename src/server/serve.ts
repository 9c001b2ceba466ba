/**
 * `rasd serve`: the app of app.ts on a real port (@hono/node-server). Defaults: 127.0.0.1:8787; port 0 takes a
 * free port, and the URL returned is the one actually listened on. `close()` stops accepting connections, ends
 * idle keep-alive ones and resolves once the server is down; the store stays open (its owner closes it).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Store } from '../store/store.js';
import { createApp, type AppOptions } from './app.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8787;

export interface ServerOptions extends AppOptions {
  host?: string;
  port?: number;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** "http://host:port" with an IPv6 host in brackets. */
function urlOf(info: AddressInfo): string {
  const host = info.family === 'IPv6' || info.address.includes(':') ? `[${info.address}]` : info.address;
  return `http://${host}:${info.port}`;
}

export function startServer(store: Store, options: ServerOptions = {}): Promise<RunningServer> {
  const { host = DEFAULT_HOST, port = DEFAULT_PORT, ...appOptions } = options;
  const app = createApp(store, appOptions);
  return new Promise((resolve, reject) => {
    const failed = (err: Error): void => reject(err);
    // @hono/node-server creates an http.Server (no TLS options are given)
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      server.off('error', failed);
      resolve({
        url: urlOf(info),
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeIdleConnections();
          }),
      });
    }) as Server;
    server.once('error', failed);
  });
}
