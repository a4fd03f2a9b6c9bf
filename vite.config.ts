import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import mdx from '@mdx-js/rollup';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { puenteContent } from './scripts/vite-plugin-content.ts';
import { remarkHeadingIds } from './scripts/content/remark-heading-ids.ts';
import { remarkCitations } from './scripts/content/remark-citations.ts';
import { remarkFacts } from './scripts/content/remark-facts.ts';

const root = import.meta.dirname;
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

/** The renderer build: one set of files that runs under app://, http:// and file://. */
export default defineConfig({
  root: path.join(root, 'renderer'),
  base: './',
  define: { __APP_VERSION__: JSON.stringify(version) },
  publicDir: path.join(root, 'renderer/public'),
  plugins: [
    puenteContent(path.join(root, 'content')),
    { enforce: 'pre', ...mdx({ remarkPlugins: [[remarkFrontmatter, ['yaml']], remarkGfm, remarkHeadingIds, remarkFacts(path.join(root, 'content')), remarkCitations] }) },
    react({ include: /\.(mdx|tsx?)$/ }),
  ],
  build: {
    outDir: path.join(root, 'dist/renderer'),
    emptyOutDir: true,
    // Never inline assets as data: URLs; the Content-Security-Policy allows only the app's own files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome120',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: { fs: { allow: [root] } },
});
