import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { appResponseHeaders, isRecordsWorkerScript, resolveAppFile } from '../common/app-files.ts';

/**
 * Serves the built renderer on 127.0.0.1 with the same path rules and headers
 * (Content-Security-Policy included) as the Electron app:// protocol.
 */
export async function serveStatic(rootDir: string, port = 0): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const refuse = (status: number, text: string) => res.writeHead(status, appResponseHeaders('refused.txt')).end(text);
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
    try {
      const body = await readFile(path.join(rootDir, ...resolved.relativePath.split('/')));
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
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://127.0.0.1:${actualPort}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
