import { useEffect, useState } from 'react';
import type { EntryVersion } from '../../../common/records/records-api.ts';
import type { Instrument } from '../../../common/forms/instrument-schema.ts';
import { useApp } from '../app/app-state.tsx';
import { AnswerList } from './AnswerList.tsx';
import { originText, type KnownDevices } from './EntryOrigin.tsx';
import { failure, Status, type Flash } from './Flash.tsx';
import { records } from './records-call.ts';
import { UnrecognisedAnswers } from './UnrecognisedAnswers.tsx';

/** The versions a form had before an edit on the server or a merge replaced it, oldest first: when, why, where it came from, its answers. */
export function EntryVersions({ entryId, form, devices }: { entryId: number; form: Instrument | undefined; devices: KnownDevices }) {
  const r = useApp().t.records;
  const [versions, setVersions] = useState<EntryVersion[] | null>(null);
  const [flash, setFlash] = useState<Flash>(null);
  useEffect(() => {
    let alive = true;
    records({ op: 'entry-history', entryId }).then((v) => alive && setVersions(v), (e: unknown) => alive && setFlash(failure(e, r)));
    return () => { alive = false; };
  }, [entryId, r]);
  if (flash) return <Status flash={flash} />;
  if (!versions) return null;
  return (
    <div className="entry-versions" data-testid="entry-versions">
      <h5>{r.origin.versionsTitle}</h5>
      {versions.length === 0 ? <p className="muted">{r.origin.noVersions}</p> : (
        <ol>
          {versions.map((v, i) => (
            <li key={i} data-reason={v.reason}>
              <details>
                <summary>{r.origin.version({ date: v.replacedAt.slice(0, 10), reason: r.origin.reason[v.reason] ?? v.reason })}</summary>
                <p className="muted">{v.entryDate} · {v.origin === 'server'
                  ? r.origin.serverVersion({ server: r.serverName[v.server ?? ''] ?? v.server ?? '', version: v.submissionVersion ?? '—' })
                  : originText({ origin: 'device', deviceId: v.deviceId, server: null }, devices, r)}</p>
                <AnswerList form={form} entry={v} />
                <UnrecognisedAnswers answers={v.unrecognised} />
              </details>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
