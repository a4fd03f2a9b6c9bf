import { BRIDGE_GLOBAL } from '../../common/ipc-channels.ts';

/**
 * The text of route-preload.js: a classic script, run by index.html before the app's module
 * script, that adds a `<link rel="modulepreload">` for each chunk the opening screen needs, so
 * they download while the app's own script loads:
 *
 * - `browser`: the browser edition's host bridge, when no preload exposed Electron's;
 * - `browser-saved-data`: that bridge's store of what the reader saved, asked for last (it runs
 *   only once the first chapter shows, so it must not hold up the chunks that show it);
 * - `<lang>`: the language pack of the language in the address (`#/<lang>/…`, as common/routes.ts
 *   parses it), or else of the system's (common/routes.ts languageFromLocale), which is the
 *   remembered one unless the reader changed it;
 * - `<lang>/<page id>`: the page in the address.
 *
 * An external file, not inline: the Content-Security-Policy of app:// and of the loopback
 * server allows scripts from the app only. `routes` maps each key to chunk file names
 * relative to index.html.
 */
export function routePreloadScript(routes: Readonly<Record<string, readonly string[]>>): string {
  const files = [...new Set(Object.values(routes).flat())].sort();
  const index = new Map(files.map((f, i) => [f, i]));
  const compact = Object.fromEntries(Object.entries(routes).map(([key, list]) => [key, list.map((f) => index.get(f)!)]));
  return `// Preloads what the opening screen needs (written by scripts/content/route-preload.ts).
(function () {
  var files = ${JSON.stringify(files)};
  var routes = ${JSON.stringify(compact)};
  var parts;
  try { parts = location.hash.replace(/^#\\/?/, '').split('/').filter(Boolean).map(decodeURIComponent); } catch (e) { parts = []; }
  var lang = parts[0] === 'en' || parts[0] === 'es' ? parts[0] : /^es\\b/i.test(navigator.language || '') ? 'es' : 'en';
  var keys = [lang, lang + '/' + (parts[1] || '')];
  if (!window[${JSON.stringify(BRIDGE_GLOBAL)}]) keys = ['browser'].concat(keys, ['browser-saved-data']);
  var seen = {};
  keys.forEach(function (key) {
    if (!Object.prototype.hasOwnProperty.call(routes, key)) return;
    routes[key].forEach(function (i) {
      if (seen[i]) return;
      seen[i] = true;
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = './' + files[i];
      document.head.appendChild(link);
    });
  });
})();
`;
}
