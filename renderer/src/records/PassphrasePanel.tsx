import { useState } from 'react';
import type { RecordsStatus } from '../../../common/records/records-api.ts';
import { useApp } from '../app/app-state.tsx';
import type { Flash } from './Flash.tsx';
import { Panel } from './Panel.tsx';
import { records } from './records-call.ts';

/** Turn the passphrase on (typed twice), change it, or remove it. */
export function PassphrasePanel({ status, onChange, onFlash, onFailure }: { status: RecordsStatus; onChange(s: RecordsStatus): void; onFlash(flash: Flash): void; onFailure(error: unknown): void }) {
  const r = useApp().t.records;
  const [pass, setPass] = useState({ a: '', b: '' });
  return (
    <Panel title={r.passphraseTitle}>
      <p>{status.encrypted ? r.passphraseOn : r.passphraseOff}</p>
      <form className="records-form" onSubmit={async (e) => {
        e.preventDefault();
        if (pass.a !== pass.b) { onFlash({ ok: false, text: r.passphraseMismatch }); return; }
        try {
          onChange(await records({ op: 'set-passphrase', passphrase: pass.a }));
          setPass({ a: '', b: '' });
          onFlash({ ok: true, text: r.passphraseSet });
        } catch (err) { onFailure(err); }
      }}>
        <label><span>{r.passphraseNew}</span><input type="password" minLength={8} value={pass.a} onChange={(e) => setPass({ ...pass, a: e.target.value })} autoComplete="new-password" data-testid="passphrase-new" /></label>
        <label><span>{r.passphraseRepeat}</span><input type="password" minLength={8} value={pass.b} onChange={(e) => setPass({ ...pass, b: e.target.value })} autoComplete="new-password" data-testid="passphrase-repeat" /></label>
        <button type="submit" disabled={pass.a.length < 8} data-testid="set-passphrase">{r.setPassphrase}</button>
        {status.encrypted && <button type="button" onClick={() => records({ op: 'set-passphrase', passphrase: null }).then((s) => { onChange(s); onFlash({ ok: true, text: r.passphraseRemoved }); }, onFailure)}>{r.removePassphrase}</button>}
      </form>
      <p className="muted">{r.passphraseWarning}</p>
    </Panel>
  );
}
