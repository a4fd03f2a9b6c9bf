import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { withColdBrowser } from './boot-browser.ts';

/** Gzip size of a built file, in bytes (zlib's default level, as a server would send it). */
export function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file)).length;
}

/** The scripts index.html loads before anything runs: its scripts and its modulepreload links. */
export function entryScripts(distDir: string): string[] {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"|<link\b[^>]*rel="modulepreload"[^>]*\shref="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  return [...new Set(refs)].map((ref) => path.join(distDir, ref.replace(/^\.\//, '')));
}

/** The page as the reader sees it, with every script and script link removed: what a static site would send. */
function withoutScripts(html: string): string {
  return `<!doctype html>\n${html}`
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, '')
    // An inline style attribute would be refused by the app's Content-Security-Policy.
    .replace(/\sstyle="[^"]*"/gi, '');
}

/**
 * The static page with the app's own scripts added at its end: what pre-rendering each chapter at
 * build time would give (the chapter painted from HTML, then the app starting on it, re-rendering
 * its root). Measured to see whether pre-rendering is worth its cost; the app does not ship it.
 */
function withAppScripts(staticHtml: string, indexHtml: string): string {
  const scripts = [...indexHtml.matchAll(/<script\b[^>]*><\/script>|<link\b[^>]*rel="modulepreload"[^>]*>/g)].map((m) => m[0]);
  return staticHtml.replace('</body>', `${scripts.join('\n')}\n</body>`);
}

export interface RenderedChapter {
  /** File name of the static copy, next to the app's index.html. */
  staticPage: string;
  /** File name of the static copy with the app's scripts at its end (see withAppScripts). */
  prerenderedPage: string;
  /** Every script the app loaded to show the chapter, relative to the dist folder. */
  scripts: string[];
}

/**
 * Opens one chapter in the app (served from `appUrl`, the copy of the dist folder at
 * `distDir`), notes every script it loads, and saves what it rendered as a static page
 * without scripts next to the app's index.html.
 */
export async function renderChapter(appUrl: string, distDir: string, route: string): Promise<RenderedChapter> {
  return withColdBrowser(async (_context, page) => {
    const scripts = new Set<string>();
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname.split('/').slice(2).join('/'));
    });
    await page.goto(`${appUrl}index.html${route}`);
    await page.locator('main h1').first().waitFor();
    await page.locator('.chapter-body p').first().waitFor();
    await page.waitForLoadState('networkidle');
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    const name = route.replace(/[^a-z0-9-]+/gi, '-').replace(/^-|-$/g, '');
    const staticPage = `static-${name}.html`;
    const prerenderedPage = `prerendered-${name}.html`;
    writeFileSync(path.join(distDir, staticPage), withoutScripts(html));
    writeFileSync(path.join(distDir, prerenderedPage), withAppScripts(withoutScripts(html), readFileSync(path.join(distDir, 'index.html'), 'utf8')));
    return { staticPage, prerenderedPage, scripts: [...scripts].sort() };
  });
}
