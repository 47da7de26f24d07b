import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server listening; `close` stops taking connections and resolves once open requests are answered. */
export interface ListeningServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Starts an HTTP server on `host:port` (0: any free port) with one request listener. */
export async function listen(host: string, port: number, listener: (request: IncomingMessage, response: ServerResponse) => void): Promise<ListeningServer> {
  const server = createServer(listener);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
