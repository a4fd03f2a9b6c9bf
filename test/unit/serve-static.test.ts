/**
 * The loopback server of the browser edition (`npm start` without Electron, and the
 * end-to-end tests): it serves only the files inside its folder, and only to a page that
 * asked for 127.0.0.1 or localhost on its own port.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInsideFolder } from '../../common/app-files.ts';
import { serveStatic } from '../../scripts/serve-static.ts';

let tmp = '';
let server: Awaited<ReturnType<typeof serveStatic>>;
let port = 0;

/** A GET with the Host header we choose (fetch would not let us set it). */
function get(pathname: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string; csp: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, csp: res.headers['content-security-policy'] as string | undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'puente-serve-'));
  const root = path.join(tmp, 'dist');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  mkdirSync(path.join(tmp, 'outside'));
  writeFileSync(path.join(root, 'index.html'), '<h1>Puente</h1>');
  writeFileSync(path.join(root, 'assets', 'a.js'), 'ok()');
  writeFileSync(path.join(tmp, 'outside', 'secret.txt'), 'children.sqlite');
  symlinkSync(path.join(tmp, 'outside', 'secret.txt'), path.join(root, 'leak.txt'));
  symlinkSync(path.join(tmp, 'outside'), path.join(root, 'leakdir'), 'junction');
  symlinkSync(path.join(root, 'assets', 'a.js'), path.join(root, 'alias.js'));
  server = await serveStatic(root);
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the loopback server', () => {
  it('serves the app’s files to 127.0.0.1 and localhost on its own port', async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: '<h1>Puente</h1>' });
    expect(await get('/assets/a.js', `localhost:${port}`)).toMatchObject({ status: 200, body: 'ok()' });
    expect(await get('/assets/a.js', `LOCALHOST:${port}`)).toMatchObject({ status: 200 });
  });

  it('never follows a symlink out of its folder, for a file or a folder', async () => {
    const file = await get('/leak.txt');
    expect(file.status).toBe(403);
    expect(file.body).not.toContain('children');
    const dir = await get('/leakdir/secret.txt');
    expect(dir.status).toBe(403);
    expect(dir.body).not.toContain('children');
    expect(file.csp, 'refusals carry the policy too').toMatch(/^default-src 'none'/);
  });

  it('still serves a symlink that stays inside its folder', async () => {
    expect(await get('/alias.js')).toMatchObject({ status: 200, body: 'ok()' });
  });

  it.each([
    ['another name (DNS rebinding)', () => `evil.example:${port}`],
    ['a name that ends like localhost', () => `localhost.evil.example:${port}`],
    ['another port', () => `127.0.0.1:${port + 1}`],
    ['no port', () => '127.0.0.1'],
    ['a name we do not listen on', () => `[::1]:${port}`],
  ])('refuses a request whose Host is %s', async (_label, host) => {
    const res = await get('/', host());
    expect(res.status).toBe(421);
    expect(res.body).not.toContain('Puente');
    expect(res.csp).toMatch(/^default-src 'none'/);
  });
});

describe('the folder rule it shares with app://', () => {
  it('holds for Windows paths and a folder given with a trailing separator', () => {
    expect(isInsideFolder('C:\\Puente\\dist', 'C:\\Puente\\dist\\index.html')).toBe(true);
    expect(isInsideFolder('C:\\Puente\\dist\\', 'C:\\Puente\\dist\\assets\\a.js')).toBe(true);
    expect(isInsideFolder('C:\\Puente\\dist', 'C:\\Puente\\dist-old\\index.html')).toBe(false);
    expect(isInsideFolder('/srv/dist', '/srv/dist')).toBe(false);
    expect(isInsideFolder('/srv/dist', '/srv/distant/x')).toBe(false);
  });
});
