import { createServer, type Server } from 'node:http';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { appResponseHeaders, isInsideFolder, isRecordsWorkerScript, resolveAppFile } from '../common/app-files.ts';

/**
 * Whether a request's Host header names this server: 127.0.0.1 or localhost on its own port.
 * Anything else is a page on another name that resolved to us (DNS rebinding).
 */
export function isOwnLoopbackHost(host: string | undefined, port: number): boolean {
  const h = (host ?? '').toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/**
 * Serves the built renderer on 127.0.0.1 with the same path rules and headers
 * (Content-Security-Policy included) as the Electron app:// protocol.
 */
export async function serveStatic(rootDir: string, port = 0): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const realRoot = await realpath(rootDir);
  let ownPort = port;
  const server = createServer(async (req, res) => {
    const refuse = (status: number, text: string) => res.writeHead(status, appResponseHeaders('refused.txt')).end(text);
    if (!isOwnLoopbackHost(req.headers.host, ownPort)) {
      refuse(421, `This server answers only 127.0.0.1:${ownPort} and localhost:${ownPort}`);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(405, 'Method not allowed');
      return;
    }
    const pathname = (req.url ?? '/').split('?')[0].split('#')[0];
    const resolved = resolveAppFile(pathname);
    if (!resolved.ok) {
      refuse(resolved.status, resolved.reason);
      return;
    }
    let file: string;
    try {
      file = await realpath(path.join(realRoot, ...resolved.relativePath.split('/')));
    } catch {
      refuse(404, 'Not found');
      return;
    }
    if (!isInsideFolder(realRoot, file)) {
      refuse(403, 'path leaves the app folder');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, appResponseHeaders(resolved.relativePath, { recordsWorker: isRecordsWorkerScript(resolved.relativePath) }));
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      refuse(404, 'Not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  ownPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://127.0.0.1:${ownPort}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
