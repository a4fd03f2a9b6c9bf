import type { Strings } from '../app/i18n.ts';
import { messageOf } from './records-call.ts';

/** A one-line outcome under an action: saved (a status), or why it failed (an alert). */
export type Flash = { ok: boolean; text: string } | null;

/** A refused request as the reader sees it, in their language: "Could not do this: …". */
export function failure(error: unknown, r: Strings['records']): Flash {
  return { ok: false, text: `${r.error} ${messageOf(error, r.errors)}` };
}

export function Status({ flash }: { flash: Flash }) {
  if (!flash) return null;
  return <p role={flash.ok ? 'status' : 'alert'} className={flash.ok ? 'status-ok' : 'status-error'}>{flash.text}</p>;
}
