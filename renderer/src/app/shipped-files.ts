/**
 * The files the build ships next to index.html (the search indexes, the icon), read in
 * one of two ways — the only difference between the editions in the renderer code:
 *
 * - the normal build (dist/renderer, under app://, http:// or file:// with a server) fetches
 *   them next to index.html;
 * - the portable edition (one HTML file opened by double-click from file://, where Chromium
 *   refuses fetch()) embeds each in the page as a data block,
 *   `<script type="application/json" data-shipped-file="NAME">…</script>`, written by
 *   scripts/vite-plugin-portable.ts. When that element is present it is read instead.
 */
import { SHIPPED_FILE_ATTRIBUTE } from '../../../common/shipped-file-blocks.ts';

function embedded(name: string): HTMLScriptElement | null {
  return document.querySelector<HTMLScriptElement>(`script[type="application/json"][${SHIPPED_FILE_ATTRIBUTE}="${CSS.escape(name)}"]`);
}

/** A JSON file shipped next to index.html: embedded in the page if the page carries it, otherwise fetched. */
export async function readShippedJson<T>(name: string): Promise<T> {
  const block = embedded(name);
  if (block) return JSON.parse(block.textContent ?? 'null') as T;
  const response = await fetch(`./${name}`);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * The address of a file shipped next to index.html, for an `src`: the portable edition embeds
 * a data: URL (as a JSON string) because its Content-Security-Policy allows images from data: only.
 */
export function shippedFileUrl(name: string): string {
  const block = embedded(name);
  return block ? (JSON.parse(block.textContent ?? '""') as string) : `./${name}`;
}
