import path from 'node:path';
import { APP_HOST, APP_SCHEME, appResponseHeaders, resolveAppFile } from '../common/app-files.ts';

export { APP_HOST, APP_SCHEME };
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The options Electron needs before `ready` to treat app:// as a secure, standard scheme.
 * `codeCache` (valid only with `standard`) keeps V8's compiled scripts between starts.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true, codeCache: true },
} as const;

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

export interface AppProtocolDeps {
  /** The folder holding the built renderer (inside the package's asar). */
  rootDir: string;
  readFile(filePath: string): Promise<Uint8Array>;
}

/** Handler for `protocol.handle('app', …)`: serves only files inside rootDir, with the CSP on every response. */
export function createAppProtocolHandler(deps: AppProtocolDeps) {
  // Refusals carry the same policy as files: no response of the app goes out without it.
  const refuse = (text: string, status: number) => new Response(text, { status, headers: appResponseHeaders('refused.txt') });
  return async (request: { url: string; method?: string }): Promise<Response> => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse('Bad request', 400);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse('Not found', 404);
    if (request.method && request.method !== 'GET' && request.method !== 'HEAD') return refuse('Method not allowed', 405);
    const resolved = resolveAppFile(url.pathname);
    if (!resolved.ok) return refuse(resolved.reason, resolved.status);
    const filePath = path.join(deps.rootDir, ...resolved.relativePath.split('/'));
    const relative = path.relative(deps.rootDir, filePath);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return refuse('Forbidden', 403);
    try {
      const body = await deps.readFile(filePath);
      return new Response(body as BodyInit, { status: 200, headers: appResponseHeaders(resolved.relativePath) });
    } catch {
      return refuse('Not found', 404);
    }
  };
}
