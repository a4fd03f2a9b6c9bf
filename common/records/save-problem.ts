/** Why a save failed, as a code the screen words in the reader's language (the raw error is not for the person in the field). */
import type { SaveProblem } from './records-api.ts';

const CODES: Record<string, SaveProblem['code']> = {
  ENOSPC: 'disk-full', EDQUOT: 'disk-full', EFBIG: 'disk-full', QuotaExceededError: 'disk-full',
  EROFS: 'read-only',
  EACCES: 'no-permission', EPERM: 'no-permission',
  EBUSY: 'busy', ETXTBSY: 'busy',
};

export function saveProblemOf(error: unknown, now: () => Date = () => new Date()): SaveProblem {
  const e = error as { code?: unknown; name?: unknown; message?: unknown } | null;
  const raw = typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : '';
  return { code: CODES[raw] ?? 'other', detail: String(e?.message ?? error).slice(0, 300), since: now().toISOString() };
}
