import { describe, expect, it } from 'vitest';
import { appResponseHeaders, CONTENT_SECURITY_POLICY, isRecordsWorkerScript, mimeType, RECORDS_WORKER_POLICY, resolveAppFile } from '../../common/app-files.ts';
import { createAppProtocolHandler } from '../../electron/app-protocol.ts';

describe('resolving app file paths', () => {
  it('maps ordinary paths to files inside the app folder', () => {
    expect(resolveAppFile('/')).toEqual({ ok: true, relativePath: 'index.html' });
    expect(resolveAppFile('/assets/index-abc.js')).toEqual({ ok: true, relativePath: 'assets/index-abc.js' });
    expect(resolveAppFile('/./assets//a.css')).toEqual({ ok: true, relativePath: 'assets/a.css' });
    expect(resolveAppFile('/search-index-es.json')).toEqual({ ok: true, relativePath: 'search-index-es.json' });
  });

  it.each([
    ['/../package.json', 403],
    ['/assets/../../etc/passwd', 403],
    ['/%2e%2e/package.json', 403],
    ['/%2E%2E%2Fpackage.json', 403],
    ['/%252e%252e/%252e%252e/etc/passwd', 403],
    ['/..%5c..%5cwindows%5cwin.ini', 403],
    ['/assets\\..\\..\\secret', 403],
    ['//etc/passwd', 403],
    ['/C:/Windows/win.ini', 403],
    ['/c%3a/Windows/win.ini', 403],
    ['/index.html%00.js', 400],
    ['/%E0%A4%A', 400],
    ['/.git/config', 404],
  ])('rejects %s', (input, status) => {
    const r = resolveAppFile(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.status).toBe(status);
  });

  it('knows the types of the files the app ships', () => {
    expect(mimeType('a/b.js')).toMatch(/javascript/);
    expect(mimeType('x.json')).toMatch(/json/);
    expect(mimeType('x.svg')).toBe('image/svg+xml');
  });
});

describe('app:// protocol handler', () => {
  const files: Record<string, string> = { '/app/renderer/index.html': '<html>', '/app/renderer/assets/a.js': 'x()' };
  const requested: string[] = [];
  const handler = createAppProtocolHandler({
    rootDir: '/app/renderer',
    readFile: async (f) => {
      requested.push(f);
      if (!(f in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return new TextEncoder().encode(files[f]);
    },
  });

  it('serves the app files with the Content-Security-Policy on every response', async () => {
    const res = await handler({ url: 'app://puente/assets/a.js' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('x()');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|data:|\*/);
    const index = await handler({ url: 'app://puente/' });
    expect(await index.text()).toBe('<html>');
  });

  it('refuses traversal, other hosts, other methods and missing files', async () => {
    requested.length = 0;
    // The URL parser already drops encoded dot segments; what is left must stay inside the app folder.
    expect((await handler({ url: 'app://puente/%2e%2e/%2e%2e/etc/passwd' })).status).toBe(404);
    expect((await handler({ url: 'app://puente/..%5c..%5csecret' })).status).toBe(403);
    expect((await handler({ url: 'app://puente/%252e%252e/%252e%252e/etc/passwd' })).status).toBe(403);
    expect((await handler({ url: 'app://evil/index.html' })).status).toBe(404);
    expect((await handler({ url: 'app://puente/index.html', method: 'POST' })).status).toBe(405);
    expect((await handler({ url: 'app://puente/missing.js' })).status).toBe(404);
    expect(requested.every((f) => f.startsWith('/app/renderer/'))).toBe(true);
  });
});

describe('the browser edition\'s records worker', () => {
  it('is the only script allowed to compile WebAssembly, and only in the browser edition', () => {
    expect(RECORDS_WORKER_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"));
    expect(isRecordsWorkerScript('assets/records.worker-9wv3SF2_.js')).toBe(true);
    for (const p of ['assets/index-abc.js', 'records.worker-x.js', 'assets/records.worker-x.js.map', 'assets/../records.worker-x.js']) expect(isRecordsWorkerScript(p), p).toBe(false);
    expect(appResponseHeaders('assets/index-abc.js')['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm');
  });
});
