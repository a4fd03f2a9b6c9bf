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
import { remarkGlossary } from './scripts/content/remark-glossary.ts';
import { remarkPageParts, type PageParts } from './scripts/content/remark-page-parts.ts';
import { puenteMessages, MESSAGES_PREFIX } from './scripts/i18n/vite-plugin-messages.ts';
import { LANGS } from './common/facets.ts';

const root = import.meta.dirname;
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const contentRoot = path.join(root, 'content');

/** The heavy components, each loaded only with the pages that use it (never with the app): name → module exporting it. */
const parts: PageParts = Object.fromEntries(Object.entries({
  'renderer/src/mdx/GlossaryList.tsx': ['GlossaryList'],
  'renderer/src/mdx/community.tsx': ['CommunityProfile', 'CommunityTable'],
  'renderer/src/mdx/Profiler.tsx': ['Profiler'],
  'renderer/src/mdx/instruments.tsx': ['IndicatorCatalogue', 'InstrumentList', 'InstrumentPage'],
  'renderer/src/mdx/workshops/ModuleCatalogue.tsx': ['ModuleCatalogue'],
  'renderer/src/mdx/workshops/ModulePage.tsx': ['ModulePage'],
  'renderer/src/mdx/workshops/WorkshopBuilder.tsx': ['WorkshopBuilder'],
  'renderer/src/records/FieldRecords.tsx': ['FieldRecords'],
}).flatMap(([file, names]) => names.map((name) => [name, path.join(root, file)])));
const content = puenteContent(contentRoot, {
  parts,
  strings: Object.fromEntries(LANGS.map((lang) => [lang, MESSAGES_PREFIX + lang])),
  browserBridge: path.join(root, 'renderer/src/bridge/browser-bridge.ts'),
  browserSavedData: path.join(root, 'renderer/src/bridge/browser-user-data.ts'),
});

/** The renderer build: one set of files that runs under app://, http:// and file://. */
export default defineConfig({
  root: path.join(root, 'renderer'),
  base: './',
  define: { __APP_VERSION__: JSON.stringify(version) },
  // The catalogues arrive parsed (scripts/i18n/vite-plugin-messages.ts): the app needs no ICU parser.
  resolve: { alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }] },
  publicDir: path.join(root, 'renderer/public'),
  // The records worker words refusals with the catalogues parsed at build time too.
  worker: { plugins: () => [puenteMessages()] },
  plugins: [
    content,
    puenteMessages(),
    {
      enforce: 'pre',
      ...mdx({
        remarkPlugins: [
          [remarkFrontmatter, ['yaml']], remarkGfm, remarkHeadingIds, remarkFacts(contentRoot), remarkCitations,
          remarkGlossary(contentRoot, () => content.api.content().glossary), remarkPageParts(contentRoot, parts),
        ],
      }),
    },
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
    rolldownOptions: {
      output: {
        // What the app needs to start in as few chunks as possible, not in the small shared pieces
        // the bundler would make: each is a request, and a browser asks one host only 6 at a time.
        // The app (main.tsx and all it imports, with the helpers both language packs share), and the
        // browser edition's bridge with the checks of stored settings it runs at start (zod), and its
        // store of what the reader saved, with those schemas, run once the first chapter shows.
        codeSplitting: {
          groups: [
            { name: 'app', test: (id: string) => /renderer[\\/]src[\\/]main\.tsx$/.test(id) },
            { name: 'browser-bridge', test: (id: string) => /renderer[\\/]src[\\/]bridge[\\/]browser-bridge\.ts$/.test(id) },
            { name: 'browser-user-data', test: (id: string) => /renderer[\\/]src[\\/]bridge[\\/]browser-user-data\.ts$/.test(id) },
          ],
        },
      },
    },
  },
  server: { fs: { allow: [root] } },
});
