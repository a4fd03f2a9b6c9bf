import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, Rolldown } from 'vite';
import { SHIPPED_FILE_ATTRIBUTE } from '../common/shipped-file-blocks.ts';
import { MANIFEST_FILE, RECORDS_INSTRUMENTS_FILE, SEARCH_INDEX_FILE } from './vite-plugin-content.ts';

export const PORTABLE_FILE = 'puente.html';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The portable edition's Content-Security-Policy, for a page with no server: nothing from
 * anywhere (not even the folder the file is in), the one inline script and the one inline
 * style allowed by their hashes, images from data: only, no connection at all.
 */
export function portablePolicy(scriptHash: string, styleHash: string): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHash}`,
    `style-src ${styleHash}`,
    'img-src data:',
    "font-src 'none'",
    "connect-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Script text that cannot end its <script> element early or start an HTML comment in it. */
function safeScriptText(code: string): string {
  return code.replace(/<(\/script|!--)/gi, '\\x3C$1');
}

/** JSON for a data block: `<` only occurs inside strings in JSON, where \u003c means the same. */
function safeJsonText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * Turns the renderer build into one self-contained HTML file, dist/portable/puente.html: the
 * single script chunk (the build runs with code splitting off) and the stylesheet inlined,
 * the search indexes embedded as JSON data blocks that renderer/src/app/shipped-files.ts reads
 * instead of fetching, the icon as a data: URL, and a Content-Security-Policy meta tag with the
 * hashes of the inline script and style. Every other output file is dropped.
 */
export function portableSingleFile(options: { iconFile: string; langs: readonly string[] }): Plugin {
  let outDir = '';
  return {
    name: 'puente-portable',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    generateBundle: {
      order: 'post',
      handler(_output, bundle) {
        const files = Object.values(bundle);
        const html = files.find((f): f is Rolldown.OutputAsset => f.type === 'asset' && f.fileName === 'index.html');
        if (!html) this.error('portable: the build wrote no index.html');
        const chunks = files.filter((f): f is Rolldown.OutputChunk => f.type === 'chunk');
        if (chunks.length !== 1) this.error(`portable: expected one script (code splitting off), got ${chunks.length}: ${chunks.map((c) => c.fileName).join(', ')}`);
        const styles = files.filter((f): f is Rolldown.OutputAsset => f.type === 'asset' && f.fileName.endsWith('.css'));
        if (styles.length !== 1) this.error(`portable: expected one stylesheet, got ${styles.length}`);
        const known = new Set([html.fileName, chunks[0].fileName, styles[0].fileName, MANIFEST_FILE, RECORDS_INSTRUMENTS_FILE, ...options.langs.map(SEARCH_INDEX_FILE)]);
        const unknown = Object.keys(bundle).filter((name) => !known.has(name));
        if (unknown.length) this.error(`portable: the build wrote files this edition cannot carry (inline them as data: URLs): ${unknown.join(', ')}`);
        const assetText = (name: string) => {
          const asset = bundle[name];
          if (asset?.type !== 'asset') this.error(`portable: the content build did not write ${name}`);
          return typeof asset.source === 'string' ? asset.source : Buffer.from(asset.source).toString('utf8');
        };

        const script = safeScriptText(chunks[0].code.trim());
        const style = assetText(styles[0].fileName).replace('@charset "UTF-8";', '').trim();
        const iconUrl = `data:image/svg+xml;base64,${readFileSync(options.iconFile).toString('base64')}`;
        const dataBlock = (name: string, value: unknown) => `<script type="application/json" ${SHIPPED_FILE_ATTRIBUTE}="${name}">${safeJsonText(value)}</script>`;
        const blocks = [
          dataBlock('icon.svg', iconUrl),
          ...options.langs.map((lang) => dataBlock(SEARCH_INDEX_FILE(lang), JSON.parse(assetText(SEARCH_INDEX_FILE(lang))))),
        ];
        const csp = portablePolicy(sha256(script), sha256(style));

        let page = typeof html.source === 'string' ? html.source : Buffer.from(html.source).toString('utf8');
        const replaceOnce = (pattern: RegExp, replacement: string, what: string) => {
          if (!pattern.test(page)) this.error(`portable: index.html has no ${what}`);
          page = page.replace(pattern, () => replacement);
        };
        replaceOnce(/<meta charset="UTF-8" \/>/i, `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`, 'charset meta tag');
        replaceOnce(/<link rel="icon" href="[^"]*"/, `<link rel="icon" href="${iconUrl}"`, 'icon link');
        replaceOnce(/<script type="module"[^>]*\ssrc="[^"]*"[^>]*><\/script>/, `<script type="module">${script}</script>`, 'module script');
        replaceOnce(/<link rel="stylesheet"[^>]*\shref="[^"]*"[^>]*>/, `<style>${style}</style>`, 'stylesheet link');
        replaceOnce(/<\/body>/, `  ${blocks.join('\n    ')}\n  </body>`, 'body end');
        if (/\s(src|href)="\.?\//.test(page.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ''))) {
          this.error('portable: index.html still refers to a file next to it');
        }

        // Dropped with the rest: content-manifest.json (for tools and tests; the app never loads it) and the
        // monitoring forms for Electron's records host (the portable file has no field records).
        for (const name of Object.keys(bundle)) delete bundle[name];
        this.emitFile({ type: 'asset', fileName: PORTABLE_FILE, source: page });
      },
    },
    closeBundle() {
      const file = path.join(outDir, PORTABLE_FILE);
      const { size } = statSync(file);
      console.log(`\nportable edition: ${path.relative(process.cwd(), file)} — ${(size / 1024 / 1024).toFixed(2)} MB (${size.toLocaleString('en')} bytes)`);
    },
  };
}
