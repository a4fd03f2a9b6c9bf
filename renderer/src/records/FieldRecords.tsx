import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { localToday, type Answers } from '../../../common/forms/answers.ts';
import { answersFromRegister } from '../../../common/records/entry-checks.ts';
import { quarterOf } from '../../../common/records/records-schema.ts';
import type { Instrument } from '../../../common/forms/instrument-schema.ts';
import type { RecordsResults, RecordsStatus } from '../../../common/records/records-api.ts';
import type { Breakdown, ChildRow, EntryRow, QuarterFigures } from '../../../common/records/records-store.ts';
import { call } from '../bridge/index.ts';
import { messageOf, records, type Req } from './records-call.ts';
import { RestoreBackup, UndoRestore } from './RestoreBackup.tsx';
import { SaveWarning } from './SaveWarning.tsx';
import { useApp } from '../app/app-state.tsx';
import { instruments } from '../app/records.ts';
import { FormFiller } from './FormFiller.tsx';
import { usePrintActions } from '../app/print-actions.ts';

const monitoring = instruments.filter((f) => f.kind === 'monitoring');
const formById = (id: string) => monitoring.find((f) => f.id === id);
const CHILD_FORMS = ['follow-up-visit', 'verification', 'referral', 'school-attendance-check'];
/** Monitoring forms about no single child (the quarterly report form): filled from the register's toolbar. */
const OTHER_FORMS = monitoring.filter((f) => f.id !== 'child-registration' && !CHILD_FORMS.includes(f.id));
const AGE_GROUPS = ['under14', '14to17', 'early'] as const;
const PAGE = 50;

type Tab = 'register' | 'dashboard' | 'report' | 'data';
type Flash = { ok: boolean; text: string } | null;

function Status({ flash }: { flash: Flash }) {
  if (!flash) return null;
  return <p role={flash.ok ? 'status' : 'alert'} className={flash.ok ? 'status-ok' : 'status-error'}>{flash.text}</p>;
}

/** Saves a file the records host produced: a save dialog in Electron, a download in the browser. */
async function saveFile(file: { fileName: string; bytes: Uint8Array }, filter: 'csv' | 'sqlite' | 'backup') {
  return call('file:save', { suggestedName: file.fileName, bytes: file.bytes, filter });
}

/** <FieldRecords/>: the register of children, visits, the indicators dashboard, the quarterly report and the data tools. */
export function FieldRecords() {
  const { t } = useApp();
  const r = t.records;
  const [status, setStatus] = useState<RecordsStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('register');
  const refresh = useCallback(() => records({ op: 'status' }).then(setStatus, (e: unknown) => setError(messageOf(e, r.errors))), [r.errors]);
  useEffect(() => void refresh(), [refresh]);

  if (error) return <p role="alert" className="status-error">{r.unavailable} {error}</p>;
  if (!status) return <p className="loading">{r.loading}</p>;
  if (status.state === 'locked') return <Unlock onOpen={setStatus} />;
  if (status.state === 'unreadable') {
    return (
      <div className="records" data-testid="records">
        <p role="alert" className="status-error"><strong>{r.unreadableTitle}</strong> {r.unreadableHelp}</p>
        {status.warning && <p className="muted"><code>{status.warning}</code></p>}
      </div>
    );
  }
  if (status.state === 'damaged') {
    return (
      <div className="records" data-testid="records">
        <p role="alert" className="status-error"><strong>{r.damaged}</strong> {r.damagedHelp}</p>
        {status.warning && <p className="muted">{status.warning}</p>}
        <DataTools status={status} onChange={setStatus} />
      </div>
    );
  }
  return (
    <div className="records" data-testid="records">
      <p className="records-privacy">{r.privacy} <span className="muted">{r.counts(status.children, status.entries)}{status.savedAt ? ` · ${r.savedAt(new Date(status.savedAt).toLocaleString())}` : ''}</span></p>
      {status.warning && <p role="alert" className="status-error">{status.warning}</p>}
      <SaveWarning status={status} onChange={setStatus} />
      <div className="records-tabs" role="tablist" aria-label={r.tabs.register}>
        {(Object.keys(r.tabs) as Tab[]).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} id={`records-tab-${k}`} aria-controls={`records-panel-${k}`} onClick={() => setTab(k)} data-testid={`records-tab-${k}`}>{r.tabs[k]}</button>
        ))}
      </div>
      <div role="tabpanel" id={`records-panel-${tab}`} aria-labelledby={`records-tab-${tab}`} className="records-panel">
        {tab === 'register' && <Register status={status} onChange={refresh} />}
        {tab === 'dashboard' && <Dashboard communities={status.communities} />}
        {tab === 'report' && <QuarterlyReport communities={status.communities} />}
        {tab === 'data' && <DataTools status={status} onChange={setStatus} />}
      </div>
    </div>
  );
}

function Unlock({ onOpen }: { onOpen(s: RecordsStatus): void }) {
  const r = useApp().t.records;
  const [pass, setPass] = useState('');
  const [flash, setFlash] = useState<Flash>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="records records-locked" data-testid="records">
      <form onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        records({ op: 'unlock', passphrase: pass }).then(onOpen, (err: unknown) => setFlash({ ok: false, text: messageOf(err, r.errors) })).finally(() => setBusy(false));
      }}>
        <p><strong>{r.locked}</strong></p>
        <label><span>{r.passphrase}</span><input type="password" value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="current-password" data-testid="unlock-passphrase" /></label>
        <button type="submit" className="button-primary" disabled={busy || !pass}>{r.unlock}</button>
        <Status flash={flash} />
        <p className="muted">{r.forgot}</p>
      </form>
      <DeleteAll onDone={onOpen} />
    </div>
  );
}

// ——— Register ———

interface Filter { query: string; status: string; sex: string; ageGroup: string; community: string; sort: 'registered' | 'code' | 'last-visit'; offset: number }
const NO_FILTER: Filter = { query: '', status: '', sex: '', ageGroup: '', community: '', sort: 'registered', offset: 0 };

function sexLabel(lang: 'en' | 'es', value: string): string {
  return formById('child-registration')?.choiceLists.find((l) => l.name === 'sex')?.choices.find((c) => c.value === value)?.[lang] ?? value;
}

function Register({ status, onChange }: { status: RecordsStatus; onChange(): void }) {
  const { t, lang } = useApp();
  const r = t.records;
  const [view, setView] = useState<{ kind: 'list' } | { kind: 'new' } | { kind: 'child'; id: number } | { kind: 'other'; form: Instrument }>({ kind: 'list' });
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [page, setPage] = useState<{ total: number; rows: ChildRow[] } | null>(null);
  const [flash, setFlash] = useState<Flash>(null);
  const registration = formById('child-registration');

  const load = useCallback(() => {
    const req: Req<'list-children'> = { op: 'list-children', sort: filter.sort, offset: filter.offset, limit: PAGE };
    if (filter.query.trim()) req.query = filter.query.trim();
    if (filter.status) req.status = filter.status as Req<'list-children'>['status'];
    if (filter.sex) req.sex = filter.sex as 'f' | 'm';
    if (filter.ageGroup) req.ageGroup = filter.ageGroup as Req<'list-children'>['ageGroup'];
    if (filter.community) req.community = filter.community;
    records(req).then(setPage, (e: unknown) => setFlash({ ok: false, text: `${r.error} ${messageOf(e, r.errors)}` }));
  }, [filter, r.error, r.errors]);
  useEffect(() => {
    if (view.kind === 'list') load();
  }, [load, view]);

  if (view.kind === 'new' && registration) {
    return (
      <section aria-labelledby="records-new">
        <p><button type="button" className="link-button" onClick={() => setView({ kind: 'list' })}>← {r.back}</button></p>
        <h3 id="records-new">{registration[lang].title}</h3>
        <EntryForm form={registration} onSaved={(saved) => {
          onChange();
          setFlash({ ok: true, text: saved.childId ? r.saved : `${r.saved} ${r.noConsent}` });
          setView(saved.childId ? { kind: 'child', id: saved.childId } : { kind: 'list' });
        }} onCancel={() => setView({ kind: 'list' })} />
      </section>
    );
  }
  if (view.kind === 'other') {
    return (
      <section aria-labelledby="records-other">
        <p><button type="button" className="link-button" onClick={() => setView({ kind: 'list' })}>← {r.back}</button></p>
        <h3 id="records-other">{view.form[lang].title}</h3>
        <EntryForm form={view.form} onSaved={() => { onChange(); setFlash({ ok: true, text: r.saved }); setView({ kind: 'list' }); }} onCancel={() => setView({ kind: 'list' })} />
      </section>
    );
  }
  if (view.kind === 'child') {
    return <ChildView childId={view.id} flash={flash} onBack={() => { setFlash(null); setView({ kind: 'list' }); }} onChange={onChange} onDeleted={() => { onChange(); setFlash({ ok: true, text: r.deleted }); setView({ kind: 'list' }); }} />;
  }
  const set = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, offset: 0, ...patch }));
  return (
    <section aria-label={r.tabs.register}>
      <div className="records-toolbar">
        <label className="records-search"><span>{r.search}</span><input type="search" value={filter.query} onChange={(e) => set({ query: e.target.value })} data-testid="records-search" /></label>
        <label><span>{r.status}</span>
          <select value={filter.status} onChange={(e) => set({ status: e.target.value })} data-testid="records-status-filter">
            <option value="">{r.any}</option>
            {Object.entries(r.statusName).map(([v, label]) => <option key={v} value={v}>{label}</option>)}
          </select>
        </label>
        <label><span>{r.sex}</span>
          <select value={filter.sex} onChange={(e) => set({ sex: e.target.value })}>
            <option value="">{r.any}</option>
            {['f', 'm'].map((v) => <option key={v} value={v}>{sexLabel(lang, v)}</option>)}
          </select>
        </label>
        <label><span>{r.ageGroup}</span>
          <select value={filter.ageGroup} onChange={(e) => set({ ageGroup: e.target.value })}>
            <option value="">{r.any}</option>
            {AGE_GROUPS.map((v) => <option key={v} value={v}>{r.ageName[v]}</option>)}
          </select>
        </label>
        {status.communities.length > 1 && (
          <label><span>{r.community}</span>
            <select value={filter.community} onChange={(e) => set({ community: e.target.value })}>
              <option value="">{r.any}</option>
              {status.communities.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
        )}
        <label><span>{r.sort}</span>
          <select value={filter.sort} onChange={(e) => set({ sort: e.target.value as Filter['sort'] })}>
            {Object.entries(r.sortBy).map(([v, label]) => <option key={v} value={v}>{label}</option>)}
          </select>
        </label>
        <button type="button" className="button-primary" onClick={() => { setFlash(null); setView({ kind: 'new' }); }} data-testid="register-child">{r.register}</button>
        {OTHER_FORMS.map((f) => <button key={f.id} type="button" onClick={() => { setFlash(null); setView({ kind: 'other', form: f }); }}>{r.fill(f[lang].title)}</button>)}
      </div>
      <Status flash={flash} />
      {page && page.total === 0 && <p className="muted">{status.children === 0 ? r.empty : r.none}</p>}
      {page && page.total > 0 && (
        <>
          <div className="table-wrap" tabIndex={0}>
            <table className="records-table" data-testid="register-table">
              <thead><tr><th scope="col">{r.code}</th><th scope="col">{r.sex}</th><th scope="col">{r.age}</th><th scope="col">{r.community}</th><th scope="col">{r.status}</th><th scope="col">{r.registered}</th><th scope="col">{r.visits}</th><th scope="col">{r.lastVisit}</th></tr></thead>
              <tbody>
                {page.rows.map((c) => (
                  <tr key={c.id} data-child={c.childCode}>
                    <th scope="row"><button type="button" className="link-button" onClick={() => { setFlash(null); setView({ kind: 'child', id: c.id }); }}>{c.childCode}</button></th>
                    <td>{sexLabel(lang, c.sex)}</td><td>{c.age}</td><td>{c.community}</td>
                    <td><span className={`tag status-${c.currentStatus}`}>{r.statusName[c.currentStatus] ?? c.currentStatus}</span></td>
                    <td>{c.registeredOn}</td><td>{c.visits}</td><td>{c.lastVisit ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="records-pager">
            <button type="button" disabled={filter.offset === 0} onClick={() => setFilter((f) => ({ ...f, offset: Math.max(0, f.offset - PAGE) }))}>{r.prev}</button>
            <span role="status">{r.shown(filter.offset + 1, Math.min(filter.offset + PAGE, page.total), page.total)}</span>
            <button type="button" disabled={filter.offset + PAGE >= page.total} onClick={() => setFilter((f) => ({ ...f, offset: f.offset + PAGE }))}>{r.next}</button>
          </p>
        </>
      )}
    </section>
  );
}

/** Fills one form and saves it; the host's checks come back next to the form, and nothing is saved half-valid. */
function EntryForm({ form, fixed, initial, entryId, onSaved, onCancel }: {
  form: Instrument; fixed?: Partial<Answers>; initial?: Partial<Answers>;
  /** Editing this saved form instead of adding a new one. */
  entryId?: number;
  onSaved(r: { entryId: number; childId: number | null }): void; onCancel(): void;
}) {
  const { lang, t } = useApp();
  return (
    <FormFiller form={form} fixed={fixed} initial={initial} onCancel={onCancel} onSubmit={async (answers) => {
      const request = entryId !== undefined
        ? records({ op: 'update-entry', lang, entryId, answers })
        : records({ op: 'save-entry', lang, instrumentId: form.id, answers });
      const result = await request.catch((e: unknown) => {
        throw new Error(messageOf(e, t.records.errors));
      });
      if (!result.ok) {
        const label = (q: string) => form.sections.flatMap((s) => s.questions).find((x) => x.name === q)?.[lang].label ?? q;
        throw new Error(result.errors.map((e) => `${label(e.question)}: ${e.message}`).join(' · '));
      }
      onSaved(result);
    }} />
  );
}

function AnswerList({ form, entry }: { form: Instrument | undefined; entry: EntryRow }) {
  const { lang } = useApp();
  if (!form) return <pre>{JSON.stringify(entry.answers, null, 1)}</pre>;
  const items = form.sections.flatMap((s) => s.questions).filter((q) => q.type !== 'note' && entry.answers[q.name] !== undefined && entry.answers[q.name] !== null);
  const shown = (name: string, v: Answers[string]) => {
    const q = items.find((x) => x.name === name)!;
    const list = q.choices ? form.choiceLists.find((l) => l.name === q.choices) : undefined;
    const one = (x: string) => (q.type === 'yes_no' ? (x === 'yes' ? (lang === 'es' ? 'Sí' : 'Yes') : 'No') : list?.choices.find((c) => c.value === x)?.[lang] ?? x);
    return Array.isArray(v) ? v.map(one).join(', ') : typeof v === 'string' ? one(v) : String(v);
  };
  return <dl className="answer-list">{items.map((q) => <div key={q.name}><dt>{q[lang].label}</dt><dd>{shown(q.name, entry.answers[q.name])}</dd></div>)}</dl>;
}

function ChildView({ childId, flash: initialFlash, onBack, onChange, onDeleted }: { childId: number; flash: Flash; onBack(): void; onChange(): void; onDeleted(): void }) {
  const { t, lang } = useApp();
  const r = t.records;
  const [data, setData] = useState<RecordsResults['child-history'] | null>(null);
  const [adding, setAdding] = useState<Instrument | null>(null);
  const [editing, setEditing] = useState<EntryRow | null>(null);
  const [flash, setFlash] = useState<Flash>(initialFlash);
  const load = useCallback(() => records({ op: 'child-history', childId }).then(setData, (e: unknown) => setFlash({ ok: false, text: `${r.error} ${messageOf(e, r.errors)}` })), [childId, r.error, r.errors]);
  useEffect(() => void load(), [load]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [data?.child.id, adding, editing]);
  if (!data) return <><p><button type="button" className="link-button" onClick={onBack}>← {r.back}</button></p><Status flash={flash} /></>;
  const { child, entries } = data;
  const editForm = editing ? formById(editing.instrumentId) : undefined;
  if (editing && editForm) {
    const isRegistration = editing.instrumentId === 'child-registration';
    return (
      <section aria-labelledby="records-editing">
        <p><button type="button" className="link-button" onClick={() => setEditing(null)}>← {r.child(child.childCode)}</button></p>
        <h3 id="records-editing" tabIndex={-1} ref={heading}>{r.editing(editForm[lang].title, editing.entryDate)}</h3>
        <EntryForm form={editForm} entryId={editing.id} initial={editing.answers} fixed={isRegistration ? undefined : answersFromRegister(editForm, child, editing.entryDate).fixed}
          onCancel={() => setEditing(null)} onSaved={() => {
            setEditing(null);
            setFlash({ ok: true, text: r.saved });
            onChange();
            void load();
          }} />
      </section>
    );
  }
  if (adding) {
    return (
      <section aria-labelledby="records-adding">
        <p><button type="button" className="link-button" onClick={() => setAdding(null)}>← {r.child(child.childCode)}</button></p>
        <h3 id="records-adding" tabIndex={-1} ref={heading}>{adding[lang].title} · {child.childCode}</h3>
        <EntryForm form={adding} {...answersFromRegister(adding, child, localToday())} onCancel={() => setAdding(null)} onSaved={() => {
          setAdding(null);
          setFlash({ ok: true, text: r.saved });
          onChange();
          void load();
        }} />
      </section>
    );
  }
  const remove = async (entry: EntryRow) => {
    const form = formById(entry.instrumentId);
    if (!window.confirm(r.confirmDeleteEntry(form?.[lang].title ?? entry.instrumentId, entry.entryDate))) return;
    try {
      await records({ op: 'delete-entry', entryId: entry.id });
      setFlash({ ok: true, text: r.deleted });
      onChange();
      void load();
    } catch (e) {
      setFlash({ ok: false, text: `${r.error} ${messageOf(e, r.errors)}` });
    }
  };
  return (
    <section aria-labelledby="records-child" data-testid="child-view">
      <p><button type="button" className="link-button" onClick={onBack}>← {r.back}</button></p>
      <h3 id="records-child" tabIndex={-1} ref={heading}>{r.child(child.childCode)} <span className={`tag status-${child.currentStatus}`} data-testid="child-status">{r.statusName[child.currentStatus] ?? child.currentStatus}</span></h3>
      <p className="muted">{sexLabel(lang, child.sex)} · {child.age} · {child.community} · {r.registered} {child.registeredOn}</p>
      <Status flash={flash} />
      <div className="records-actions">
        {CHILD_FORMS.map((id) => formById(id)).filter((f): f is Instrument => Boolean(f)).map((f) => (
          <button key={f.id} type="button" onClick={() => { setFlash(null); setAdding(f); }} data-testid={`add-${f.id}`}>{r.add(f[lang].title)}</button>
        ))}
      </div>
      <h4>{r.history}</h4>
      <ol className="records-history">
        {entries.map((e) => {
          const form = formById(e.instrumentId);
          return (
            <li key={e.id} data-entry={e.instrumentId}>
              <details>
                <summary><strong>{e.entryDate}</strong> · {form?.[lang].title ?? e.instrumentId}{e.outcome ? <> · {r.outcome}: <span className={`tag status-${e.outcome}`}>{form?.choiceLists.find((l) => l.name === 'verified')?.choices.find((c) => c.value === e.outcome)?.[lang] ?? e.outcome}</span></> : null}</summary>
                <AnswerList form={form} entry={e} />
                <p className="records-actions">
                  {form && <button type="button" className="small" onClick={() => { setFlash(null); setEditing(e); }} data-testid={`edit-${e.instrumentId}`}>{r.editEntry}</button>}
                  {e.instrumentId !== 'child-registration' && <button type="button" className="small" onClick={() => void remove(e)}>{r.deleteEntry}</button>}
                </p>
              </details>
            </li>
          );
        })}
      </ol>
      <p>
        <button type="button" className="danger" data-testid="delete-child" onClick={async () => {
          if (!window.confirm(r.confirmDeleteChild(child.childCode))) return;
          try {
            await records({ op: 'delete-child', childId: child.id });
            onDeleted();
          } catch (e) {
            setFlash({ ok: false, text: `${r.error} ${messageOf(e, r.errors)}` });
          }
        }}>{r.deleteChild}</button>
      </p>
    </section>
  );
}

// ——— Indicators ———

const sum = (b: Breakdown) => (['f', 'm'] as const).reduce((n, s) => n + b[s].early + b[s].under14 + b[s]['14to17'], 0);
const bySex = (b: Breakdown, s: 'f' | 'm') => b[s].early + b[s].under14 + b[s]['14to17'];

function useFigures(community: string) {
  const r = useApp().t.records;
  const [figures, setFigures] = useState<QuarterFigures[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    records({ op: 'dashboard', ...(community ? { community } : {}) }).then((d) => setFigures(d.quarters), (e: unknown) => setError(messageOf(e, r.errors)));
  }, [community, r.errors]);
  return { figures, error };
}

function CommunityPicker({ communities, value, onChange }: { communities: string[]; value: string; onChange(v: string): void }) {
  const r = useApp().t.records;
  if (communities.length < 2) return null;
  return (
    <label><span>{r.reportFor}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{r.allCommunities}</option>
        {communities.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
    </label>
  );
}

/** Withdrawn and prevented by quarter as bars: growth over time reads better in a chart than in a table. */
function OutcomeChart({ figures }: { figures: QuarterFigures[] }) {
  const r = useApp().t.records;
  const max = Math.max(1, ...figures.map((q) => Math.max(sum(q.withdrawn), sum(q.prevented))));
  const bar = 16;
  const gap = 12;
  const width = 600;
  const left = 70;
  const height = figures.length * (bar * 2 + gap) + 24;
  const x = (n: number) => left + ((width - left - 40) * n) / max;
  return (
    <figure className="records-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="records-chart-title" data-testid="records-chart">
        <title id="records-chart-title">{r.chartTitle}</title>
        {figures.map((q, i) => {
          const y = i * (bar * 2 + gap);
          return (
            <g key={q.quarter}>
              <text x={0} y={y + bar + 4} className="chart-label">{q.quarter}</text>
              <rect x={left} y={y} width={x(sum(q.withdrawn)) - left} height={bar} className="bar-withdrawn" />
              <text x={x(sum(q.withdrawn)) + 4} y={y + bar - 3} className="chart-value">{sum(q.withdrawn)}</text>
              <rect x={left} y={y + bar} width={x(sum(q.prevented)) - left} height={bar} className="bar-prevented" />
              <text x={x(sum(q.prevented)) + 4} y={y + bar * 2 - 3} className="chart-value">{sum(q.prevented)}</text>
            </g>
          );
        })}
      </svg>
      <figcaption><span className="key key-withdrawn" /> {r.withdrawn} <span className="key key-prevented" /> {r.prevented}</figcaption>
    </figure>
  );
}

function BreakdownTable({ q }: { q: QuarterFigures }) {
  const r = useApp().t.records;
  const rows: Array<[string, Breakdown]> = [[r.identifiedWorking, q.identifiedWorking], [r.identifiedAtRisk, q.identifiedAtRisk], [r.withdrawn, q.withdrawn], [r.prevented, q.prevented]];
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="records-table breakdown">
        <caption>{r.byGroup(q.quarter)}</caption>
        <thead>
          <tr><th rowSpan={2} scope="col" /><th colSpan={3} scope="colgroup">{r.girls}</th><th colSpan={3} scope="colgroup">{r.boys}</th><th rowSpan={2} scope="col">{r.total}</th></tr>
          <tr>{(['f', 'm'] as const).flatMap((s) => AGE_GROUPS.map((a) => <th key={`${s}${a}`} scope="col">{r.ageName[a]}</th>))}</tr>
        </thead>
        <tbody>
          {rows.map(([label, b]) => (
            <tr key={label}><th scope="row">{label}</th>{(['f', 'm'] as const).flatMap((s) => AGE_GROUPS.map((a) => <td key={`${s}${a}`}>{b[s][a]}</td>))}<td><strong>{sum(b)}</strong></td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The figures of today's quarter (the host always includes it), not of a later quarter a mistyped date made. */
function currentQuarter(figures: QuarterFigures[]): QuarterFigures | undefined {
  const now = quarterOf(localToday());
  return figures.find((q) => q.quarter === now) ?? figures.filter((q) => q.quarter <= now).at(-1) ?? figures.at(-1);
}

function Dashboard({ communities }: { communities: string[] }) {
  const r = useApp().t.records;
  const [community, setCommunity] = useState('');
  const { figures, error } = useFigures(community);
  if (error) return <p role="alert" className="status-error">{r.error} {error}</p>;
  if (!figures) return <p className="loading">{r.loading}</p>;
  const last = currentQuarter(figures);
  return (
    <section aria-label={r.tabs.dashboard} data-testid="dashboard">
      <p className="muted">{r.dashboardIntro}</p>
      <div className="records-toolbar"><CommunityPicker communities={communities} value={community} onChange={setCommunity} /></div>
      {figures.length === 0 ? <p className="muted">{r.noData}</p> : (
        <>
          <div className="records-kpis">
            {([[r.identifiedWorking, figures.reduce((n, q) => n + sum(q.identifiedWorking), 0)], [r.identifiedAtRisk, figures.reduce((n, q) => n + sum(q.identifiedAtRisk), 0)],
              [r.withdrawn, last ? sum(last.withdrawn) : 0], [r.prevented, last ? sum(last.prevented) : 0]] as Array<[string, number]>).map(([label, n]) => (
              <p key={label} className="kpi"><strong data-testid={`kpi-${label}`}>{n}</strong><span>{label}</span></p>
            ))}
          </div>
          <OutcomeChart figures={figures} />
          <div className="table-wrap" tabIndex={0}>
            <table className="records-table" data-testid="quarters-table">
              <thead><tr><th scope="col">{r.quarter}</th><th scope="col">{r.identifiedWorking}</th><th scope="col">{r.identifiedAtRisk}</th><th scope="col">{r.withdrawn}</th><th scope="col">{r.prevented}</th><th scope="col">{r.visitsDone}</th><th scope="col">{r.referrals}</th></tr></thead>
              <tbody>
                {figures.map((q) => (
                  <tr key={q.quarter} data-quarter={q.quarter}>
                    <th scope="row">{q.quarter}</th><td>{sum(q.identifiedWorking)}</td><td>{sum(q.identifiedAtRisk)}</td>
                    <td data-cell="withdrawn">{sum(q.withdrawn)} <span className="muted">({r.girls} {bySex(q.withdrawn, 'f')} · {r.boys} {bySex(q.withdrawn, 'm')})</span></td>
                    <td data-cell="prevented">{sum(q.prevented)} <span className="muted">({r.girls} {bySex(q.prevented, 'f')} · {r.boys} {bySex(q.prevented, 'm')})</span></td>
                    <td>{q.visits}</td><td>{q.referrals}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {last && <BreakdownTable q={last} />}
        </>
      )}
    </section>
  );
}

function QuarterlyReport({ communities }: { communities: string[] }) {
  const { t, lang } = useApp();
  const r = t.records;
  const [community, setCommunity] = useState('');
  const { figures, error } = useFigures(community);
  const [quarter, setQuarter] = useState('');
  const { print } = usePrintActions('quarterly-report');
  const chosen = useMemo(() => figures?.find((q) => q.quarter === quarter) ?? (figures && currentQuarter(figures)), [figures, quarter]);
  if (error) return <p role="alert" className="status-error">{r.error} {error}</p>;
  if (!figures) return <p className="loading">{r.loading}</p>;
  if (!chosen) return <p className="muted">{r.noData}</p>;
  return (
    <section aria-label={r.tabs.report} className="quarterly-report" data-testid="quarterly-report">
      <div className="records-toolbar no-print">
        <label><span>{r.choose}</span>
          <select value={chosen.quarter} onChange={(e) => setQuarter(e.target.value)} data-testid="report-quarter">
            {figures.map((q) => <option key={q.quarter} value={q.quarter}>{q.quarter}</option>)}
          </select>
        </label>
        <CommunityPicker communities={communities} value={community} onChange={setCommunity} />
        <button type="button" className="button-primary" onClick={print}>{r.printReport}</button>
      </div>
      <div className="report-page">
        <h3>{r.reportTitle(chosen.quarter)}</h3>
        <p>{r.reportFor}: <strong>{community || r.allCommunities}</strong> · {r.generated(new Date().toLocaleDateString(lang, { dateStyle: 'long' }))}</p>
        <BreakdownTable q={chosen} />
        <table className="records-table report-activity">
          <tbody>
            <tr><th scope="row">{r.visitsDone}</th><td>{chosen.visits}</td></tr>
            <tr><th scope="row">{r.referrals}</th><td>{chosen.referrals}</td></tr>
          </tbody>
        </table>
        <p className="muted">{r.reportNote}</p>
      </div>
    </section>
  );
}

// ——— Data and backup ———

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return <section className="records-box"><h3>{title}</h3>{children}</section>;
}

function readFile(input: HTMLInputElement | null): Promise<Uint8Array | null> {
  const file = input?.files?.[0];
  return file ? file.arrayBuffer().then((b) => new Uint8Array(b)) : Promise.resolve(null);
}

function DataTools({ status, onChange }: { status: RecordsStatus; onChange(s: RecordsStatus): void }) {
  const { t, lang } = useApp();
  const r = t.records;
  const [flash, setFlash] = useState<Flash>(null);
  const [problems, setProblems] = useState<RecordsResults['import-csv'] & { ok: false } | null>(null);
  const [importForm, setImportForm] = useState(monitoring[0]?.id ?? '');
  const [pass, setPass] = useState({ a: '', b: '' });
  const importInput = useRef<HTMLInputElement>(null);
  const fail = (e: unknown) => setFlash({ ok: false, text: `${r.error} ${messageOf(e, r.errors)}` });
  const refresh = () => records({ op: 'status' }).then(onChange, fail);
  const open = status.state === 'open';

  return (
    <div className="records-data">
      <Status flash={flash} />
      {open && (
        <Panel title={r.exportTitle}>
          <p className="muted">{r.exportNote}</p>
          <ul className="records-exports">
            {monitoring.map((f) => (
              <li key={f.id}><button type="button" data-testid={`export-${f.id}`} onClick={() => records({ op: 'export-csv', instrumentId: f.id }).then((file) => saveFile(file, 'csv')).then(() => setFlash({ ok: true, text: r.saved }), fail)}>{r.exportCsv(f[lang].title)}</button></li>
            ))}
            <li><button type="button" data-testid="export-aggregate" onClick={() => records({ op: 'export-aggregate' }).then((file) => saveFile(file, 'csv')).then(() => setFlash({ ok: true, text: r.saved }), fail)}>{r.exportAggregate}</button></li>
            <li><button type="button" data-testid="export-database" onClick={() => records({ op: 'export-database' }).then((file) => saveFile(file, file.fileName.endsWith('.puente') ? 'backup' : 'sqlite')).then(() => setFlash({ ok: true, text: r.saved }), fail)}>{r.exportDb}</button></li>
          </ul>
        </Panel>
      )}
      {open && (
        <Panel title={r.importTitle}>
          <form className="records-form" onSubmit={async (e) => {
            e.preventDefault();
            setProblems(null);
            const bytes = await readFile(importInput.current);
            if (!bytes) return;
            try {
              const result = await records({ op: 'import-csv', lang, instrumentId: importForm, bytes });
              if (result.ok) { setFlash({ ok: true, text: r.imported(result.written) }); void refresh(); } else { setFlash(null); setProblems(result); }
            } catch (err) { fail(err); }
          }}>
            <label><span>{r.importForm}</span>
              <select value={importForm} onChange={(e) => setImportForm(e.target.value)} data-testid="import-form">
                {monitoring.map((f) => <option key={f.id} value={f.id}>{f[lang].title}</option>)}
              </select>
            </label>
            <label><span>{r.importFile}</span><input type="file" accept=".csv,text/csv" ref={importInput} data-testid="import-file" /></label>
            <button type="submit" className="button-primary" data-testid="import-button">{r.importButton}</button>
          </form>
          {problems && (
            <div role="alert" className="import-problems" data-testid="import-problems">
              <p className="status-error">{r.importProblems(problems.total)}</p>
              <div className="table-wrap" tabIndex={0}>
                <table className="records-table">
                  <thead><tr><th scope="col">{r.row}</th><th scope="col">{r.field}</th><th scope="col">{r.problem}</th></tr></thead>
                  <tbody>{problems.problems.map((p, i) => <tr key={i}><td>{p.row}</td><td>{p.field ?? ''}</td><td>{p.message}</td></tr>)}</tbody>
                </table>
              </div>
            </div>
          )}
        </Panel>
      )}
      <RestoreBackup onChange={onChange} />
      <UndoRestore status={status} onChange={onChange} />
      {open && (
        <Panel title={r.passphraseTitle}>
          <p>{status.encrypted ? r.passphraseOn : r.passphraseOff}</p>
          <form className="records-form" onSubmit={async (e) => {
            e.preventDefault();
            if (pass.a !== pass.b) { setFlash({ ok: false, text: r.passphraseMismatch }); return; }
            try {
              onChange(await records({ op: 'set-passphrase', passphrase: pass.a }));
              setPass({ a: '', b: '' });
              setFlash({ ok: true, text: r.passphraseSet });
            } catch (err) { fail(err); }
          }}>
            <label><span>{r.passphraseNew}</span><input type="password" minLength={8} value={pass.a} onChange={(e) => setPass({ ...pass, a: e.target.value })} autoComplete="new-password" data-testid="passphrase-new" /></label>
            <label><span>{r.passphraseRepeat}</span><input type="password" minLength={8} value={pass.b} onChange={(e) => setPass({ ...pass, b: e.target.value })} autoComplete="new-password" data-testid="passphrase-repeat" /></label>
            <button type="submit" disabled={pass.a.length < 8} data-testid="set-passphrase">{r.setPassphrase}</button>
            {status.encrypted && <button type="button" onClick={() => records({ op: 'set-passphrase', passphrase: null }).then((s) => { onChange(s); setFlash({ ok: true, text: r.passphraseRemoved }); }, fail)}>{r.removePassphrase}</button>}
          </form>
          <p className="muted">{r.passphraseWarning}</p>
        </Panel>
      )}
      <DeleteAll onDone={(s) => { onChange(s); setFlash({ ok: true, text: r.allDeleted }); }} />
    </div>
  );
}

function DeleteAll({ onDone }: { onDone(s: RecordsStatus): void }) {
  const r = useApp().t.records;
  const [flash, setFlash] = useState<Flash>(null);
  return (
    <section className="records-box danger-zone">
      <h3>{r.deleteAll}</h3>
      <button type="button" className="danger" data-testid="delete-all" onClick={() => {
        if (window.prompt(r.confirmDeleteAll)?.trim().toUpperCase() !== r.confirmWord) return;
        records({ op: 'delete-all' }).then(onDone, (e: unknown) => setFlash({ ok: false, text: `${r.error} ${messageOf(e, r.errors)}` }));
      }}>{r.deleteAll}</button>
      <Status flash={flash} />
    </section>
  );
}
