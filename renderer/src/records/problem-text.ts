/** How a refusal from the records host reads in the reader's language. */
import type { ProblemParams } from '../app/i18n.ts';

/**
 * A failed request as the reader sees it: without the channel name; a known problem in the reader's
 * language (worded from its parameters when it has them), otherwise the host's own detail after it.
 */
export function messageOf(e: unknown, texts: Record<string, string | ((p: ProblemParams) => string)>): string {
  const text = (e instanceof Error ? e.message : String(e)).replace(/^records:call: /, '');
  const m = /^\[([a-z-]+)(?:\|([^\]\s]*))?\] (.*)$/s.exec(text);
  if (!m) return text;
  const [, code, encoded, detail] = m;
  const local = texts[code];
  if (typeof local === 'function') {
    try {
      return local(JSON.parse(decodeURIComponent(encoded ?? '%7B%7D')) as ProblemParams);
    } catch {
      return detail;
    }
  }
  return local ? (local === detail ? local : `${local} (${detail})`) : detail;
}
