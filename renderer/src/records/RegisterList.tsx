import { useEffect, useState } from 'react';
import type { Instrument } from '../../../common/forms/instrument-schema.ts';
import type { RecordsStatus } from '../../../common/records/records-api.ts';
import type { ChildRow } from '../../../common/records/records-store.ts';
import { useApp } from '../app/app-state.tsx';
import { failure, Status, type Flash } from './Flash.tsx';
import { CHILD_AGE_GROUPS } from '../../../common/facets.ts';
import { otherForms, sexLabel } from './monitoring-forms.ts';
import { records, type Req } from './records-call.ts';

export interface RegisterFilter { query: string; status: string; sex: string; ageGroup: string; community: string; sort: 'registered' | 'code' | 'last-visit'; offset: number }
export const NO_FILTER: RegisterFilter = { query: '', status: '', sex: '', ageGroup: '', community: '', sort: 'registered', offset: 0 };
const PAGE = 50;

/** The host's request for one page of the register under a filter (empty choices are left out). */
function listRequest(filter: RegisterFilter): Req<'list-children'> {
  const req: Req<'list-children'> = { op: 'list-children', sort: filter.sort, offset: filter.offset, limit: PAGE };
  if (filter.query.trim()) req.query = filter.query.trim();
  if (filter.status) req.status = filter.status as Req<'list-children'>['status'];
  if (filter.sex) req.sex = filter.sex as 'f' | 'm';
  if (filter.ageGroup) req.ageGroup = filter.ageGroup as Req<'list-children'>['ageGroup'];
  if (filter.community) req.community = filter.community;
  return req;
}

/** Children by code (never by name): search, filters, sorting and paging, and the buttons that start a form. */
export function RegisterList({ status, filter, onFilter, flash, onFailure, onRegister, onFill, onOpenChild }: {
  status: RecordsStatus;
  filter: RegisterFilter;
  onFilter(change: (f: RegisterFilter) => RegisterFilter): void;
  flash: Flash;
  onFailure(flash: Flash): void;
  onRegister(): void;
  onFill(form: Instrument): void;
  onOpenChild(id: number): void;
}) {
  const { t, lang } = useApp();
  const r = t.records;
  const [page, setPage] = useState<{ total: number; rows: ChildRow[] } | null>(null);
  useEffect(() => {
    records(listRequest(filter)).then(setPage, (e: unknown) => onFailure(failure(e, r)));
  }, [filter, r, onFailure]);

  const set = (patch: Partial<RegisterFilter>) => onFilter((f) => ({ ...f, offset: 0, ...patch }));
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
            {CHILD_AGE_GROUPS.map((v) => <option key={v} value={v}>{r.ageName[v]}</option>)}
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
          <select value={filter.sort} onChange={(e) => set({ sort: e.target.value as RegisterFilter['sort'] })}>
            {Object.entries(r.sortBy).map(([v, label]) => <option key={v} value={v}>{label}</option>)}
          </select>
        </label>
        <button type="button" className="button-primary" onClick={onRegister} data-testid="register-child">{r.register}</button>
        {otherForms.map((f) => <button key={f.id} type="button" onClick={() => onFill(f)}>{r.fill({ form: f[lang].title })}</button>)}
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
                    <th scope="row"><button type="button" className="link-button" onClick={() => onOpenChild(c.id)}>{c.childCode}</button></th>
                    <td>{sexLabel(lang, c.sex)}</td><td>{c.age}</td><td>{c.community}</td>
                    <td><span className={`tag status-${c.currentStatus}`}>{r.statusName[c.currentStatus] ?? c.currentStatus}</span></td>
                    <td>{c.registeredOn}</td><td>{c.visits}</td><td>{c.lastVisit ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="records-pager">
            <button type="button" disabled={filter.offset === 0} onClick={() => onFilter((f) => ({ ...f, offset: Math.max(0, f.offset - PAGE) }))}>{r.prev}</button>
            <span role="status">{r.shown({ a: filter.offset + 1, b: Math.min(filter.offset + PAGE, page.total), total: page.total })}</span>
            <button type="button" disabled={filter.offset + PAGE >= page.total} onClick={() => onFilter((f) => ({ ...f, offset: f.offset + PAGE }))}>{r.next}</button>
          </p>
        </>
      )}
    </section>
  );
}
