/** The Electron edition's origin, app://puente: the main process serves it, the renderer knows it is there. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'puente';

/**
 * Which built file a request for the app may read. The app:// protocol of the Electron
 * edition and the loopback server of the browser edition both call this, so both reject
 * the same traversal tricks: encoded and double-encoded dots and slashes, backslashes,
 * absolute and drive paths, and NUL bytes.
 */
export type AppFileResolution =
  | { ok: true; relativePath: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

const MAX_DECODES = 3;

export function resolveAppFile(pathname: string): AppFileResolution {
  let decoded = pathname;
  // Decode until stable, so %252e%252e cannot slip through as a literal after one decode.
  for (let i = 0; i < MAX_DECODES; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return { ok: false, status: 400, reason: 'malformed percent-encoding' };
    }
    if (next === decoded) break;
    decoded = next;
    if (i === MAX_DECODES - 1 && /%[0-9a-f]{2}/i.test(decoded)) {
      return { ok: false, status: 400, reason: 'too many layers of encoding' };
    }
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'NUL byte in path' };
  if (decoded.includes('\\')) return { ok: false, status: 403, reason: 'backslash in path' };
  if (/^\/*[a-z]:/i.test(decoded)) return { ok: false, status: 403, reason: 'drive path' };
  if (decoded.startsWith('//')) return { ok: false, status: 403, reason: 'absolute path' };
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return { ok: false, status: 403, reason: 'path leaves the app folder' };
  if (segments.some((s) => s.startsWith('.'))) return { ok: false, status: 404, reason: 'hidden file' };
  const relativePath = segments.length === 0 ? 'index.html' : segments.join('/');
  return { ok: true, relativePath };
}

/**
 * Whether `file` lies inside `folder`, both real paths (symlinks already resolved by the
 * host): a link placed in the app folder must not serve a file from elsewhere.
 * Either separator, so it holds for Windows paths too.
 */
export function isInsideFolder(folder: string, file: string): boolean {
  const base = folder.replace(/[\\/]+$/, '');
  const next = file.charAt(base.length);
  return file.startsWith(base) && (next === '/' || next === '\\') && file.length > base.length + 1;
}

const MIME: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  woff2: 'font/woff2',
  ico: 'image/x-icon',
  txt: 'text/plain; charset=utf-8',
  wasm: 'application/wasm',
};

export function mimeType(relativePath: string): string {
  const ext = relativePath.slice(relativePath.lastIndexOf('.') + 1).toLowerCase();
  return MIME[ext] ?? 'application/octet-stream';
}

/**
 * The Content-Security-Policy of every app response: nothing but the app's own files,
 * no inline script, no eval, no remote origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The browser edition runs the field-records database in a worker, compiled from
 * WebAssembly: only that worker's script may compile it. (In Electron the database runs in
 * the main process, so the app:// policy never allows it.)
 */
export const RECORDS_WORKER_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");
export function isRecordsWorkerScript(relativePath: string): boolean {
  return /^assets\/records\.worker-[\w-]+\.js$/.test(relativePath);
}

/** Headers sent with every file of the app, by either host. */
export function appResponseHeaders(relativePath: string, options: { recordsWorker?: boolean } = {}): Record<string, string> {
  return {
    'Content-Type': mimeType(relativePath),
    'Content-Security-Policy': options.recordsWorker ? RECORDS_WORKER_POLICY : CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}
