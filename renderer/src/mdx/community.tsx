import { useMemo, useState } from 'react';
import type { Community } from '../../../common/content-schema.ts';
import { formatRoute } from '../../../common/routes.ts';
import { findChapter } from '../app/content.ts';
import { communities } from 'virtual:puente-catalogue/communities';
import { useApp } from '../app/app-state.tsx';
import { SourcePills } from '../components/SourcePills.tsx';

/** A field's value by its words in the reader's language (community.value.* of the language pack). */
function useLabels() {
  const { t } = useApp();
  return (v: string) => t.community.value[v] ?? v;
}

function StandoutLinks({ c }: { c: Community }) {
  const { lang } = useApp();
  return (
    <>
      {c.standout.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          <a href={formatRoute({ kind: 'chapter', lang, chapterId: id })}>{findChapter(lang, id)?.title ?? id}</a>
        </span>
      ))}
    </>
  );
}

/** <CommunityProfile id/>: the facts card of one case community. */
export function CommunityProfile({ id }: { id: string }) {
  const { lang, t } = useApp();
  const label = useLabels();
  const c = communities.find((x) => x.id === id);
  if (!c) return null;
  const rows: Array<[string, React.ReactNode]> = [
    [t.community.country, label(c.country)],
    [t.community.type, label(c.communityType)],
    [t.community.organisation, label(c.organisation)],
    [t.community.workRelations, label(c.workRelations)],
    [t.community.minerals, c.minerals.length ? c.minerals.map(label).join(', ') : label('not-reported')],
    [t.community.size, label(c.sizeBand)],
    [t.community.complex, c.partOfLargerComplex ? t.community.yes : t.community.no],
    [t.community.agency, c[lang].implementingAgency],
    [t.community.maturity, label(c.maturity)],
  ];
  if (c.plannedChildren || c.plannedFamilies) {
    rows.push([t.community.planned, [c.plannedChildren && `${c.plannedChildren.toLocaleString(lang)} ${t.community.children}`, c.plannedFamilies && `${c.plannedFamilies.toLocaleString(lang)} ${t.community.families}`].filter(Boolean).join(' · ')]);
  }
  if (c.standout.length) rows.push([t.community.standout, <StandoutLinks key="s" c={c} />]);
  return (
    <aside className="community-card" aria-label={c[lang].name} data-community={c.id}>
      <p className="community-card-title">{c[lang].name}</p>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p className="community-card-text"><strong>{t.community.production}:</strong> {c[lang].production}</p>
      <p className="community-card-text"><strong>{t.community.results}:</strong> {c[lang].results}</p>
      <p className="glossary-sources">
        <SourcePills list={c.sources} />
      </p>
    </aside>
  );
}

type SortKey = 'name' | 'country' | 'communityType' | 'organisation' | 'workRelations' | 'maturity';
const MATURITY_ORDER = ['ready-to-transfer', 'needs-support-to-complete', 'needs-support-to-continue', 'not-assessed'];

/** <CommunityTable/>: every case community, sortable by column and filterable. */
export function CommunityTable() {
  const { lang, t } = useApp();
  const label = useLabels();
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'maturity', dir: 1 });
  const [filters, setFilters] = useState<Partial<Record<'country' | 'communityType' | 'maturity', string>>>({});
  const columns: Array<[SortKey, string]> = [
    ['name', t.community.name], ['country', t.community.country], ['communityType', t.community.type],
    ['organisation', t.community.organisation], ['workRelations', t.community.workRelations], ['maturity', t.community.maturity],
  ];
  const value = (c: Community, key: SortKey) => (key === 'name' ? c[lang].name : key === 'maturity' ? String(MATURITY_ORDER.indexOf(c.maturity)) : label(c[key]));
  const rows = useMemo(() => communities
    .filter((c) => Object.entries(filters).every(([k, v]) => !v || c[k as keyof typeof filters] === v))
    .sort((a, b) => sort.dir * value(a, sort.key).localeCompare(value(b, sort.key), lang) || a[lang].name.localeCompare(b[lang].name, lang)),
  [filters, sort, lang]);
  const filterSelect = (key: 'country' | 'communityType' | 'maturity', title: string) => {
    const values = [...new Set(communities.map((c) => c[key]))];
    return (
      <label>
        <span>{title}</span>
        <select value={filters[key] ?? ''} onChange={(e) => setFilters({ ...filters, [key]: e.target.value || undefined })} data-filter={key}>
          <option value="">{t.community.all}</option>
          {values.map((v) => <option key={v} value={v}>{label(v)}</option>)}
        </select>
      </label>
    );
  };
  return (
    <div className="community-table">
      <div className="community-filters" role="group" aria-label={t.community.filter}>
        {filterSelect('country', t.community.country)}
        {filterSelect('communityType', t.community.type)}
        {filterSelect('maturity', t.community.maturity)}
        <span className="muted" role="status">{t.community.shown({ n: rows.length, t: communities.length })}</span>
      </div>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              {columns.map(([key, title]) => (
                <th key={key} aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="sort-button" onClick={() => setSort({ key, dir: sort.key === key ? (sort.dir === 1 ? -1 : 1) : 1 })} aria-label={t.community.sortBy({ c: title })}>
                    {title} <span aria-hidden="true">{sort.key === key ? (sort.dir === 1 ? '▲' : '▼') : '↕'}</span>
                  </button>
                </th>
              ))}
              <th>{t.community.standout}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} data-community={c.id}>
                <td><a href={formatRoute({ kind: 'chapter', lang, chapterId: c.caseChapter })}>{c[lang].name}</a></td>
                <td>{label(c.country)}</td>
                <td>{label(c.communityType)}</td>
                <td>{label(c.organisation)}</td>
                <td>{label(c.workRelations)}</td>
                <td>{label(c.maturity)}</td>
                <td><StandoutLinks c={c} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
