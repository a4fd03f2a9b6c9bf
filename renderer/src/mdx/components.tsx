import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatRoute, resolveContentLink } from '../../../common/routes.ts';
import { foldText } from '../../../common/text.ts';
import { sources } from '../app/content.ts';
import { glossary } from '../app/records.ts';
import { useApp } from '../app/app-state.tsx';
import { Icon } from '../components/Icon.tsx';
import { HeadingNote, MarkButtons } from '../components/HeadingMarks.tsx';
import { CommunityProfile, CommunityTable } from './community.tsx';
import { Profiler } from './Profiler.tsx';
import { IndicatorCatalogue, InstrumentList, InstrumentPage } from './instruments.tsx';
import { ModuleCatalogue, ModulePage, WorkshopBuilder } from './workshops.tsx';
import { FieldRecords } from '../records/FieldRecords.tsx';
import { Fact } from './Fact.tsx';

function sourceRoute(lang: 'en' | 'es', src: string): string {
  return formatRoute({ kind: 'chapter', lang, chapterId: 'sources', anchor: `source-${src}` });
}

/** <Cite src at n/>: a numbered reference to a source, linking to it in the Sources chapter. */
function Cite({ src, at, n }: { src: string; at: string; n?: string }) {
  const { lang, t } = useApp();
  const source = sources.find((s) => s.id === src);
  const label = `${t.referenceTo}: ${source?.[lang].title ?? src}, ${at}`;
  return (
    <sup className="cite" data-ref={`${src} ${at}`}>
      {/* The visible number starts the accessible name (label in name), the source follows for screen readers. */}
      <a href={sourceRoute(lang, src)} title={label}>[{n ?? '?'}]<span className="visually-hidden"> {label}</span></a>
    </sup>
  );
}

function References({ list }: { list: string }) {
  const { lang, t } = useApp();
  const entries = JSON.parse(list) as Array<{ n: number; src: string; at: string }>;
  return (
    <section className="references" aria-labelledby="references-title">
      <h2 id="references-title">{t.references}</h2>
      <ol>
        {entries.map((e) => {
          const source = sources.find((s) => s.id === e.src);
          return (
            <li key={e.n} value={e.n} id={`ref-${e.n}`}>
              <a href={sourceRoute(lang, e.src)}>{source?.[lang].title ?? e.src}</a>{' '}
              <span className="ref-at">({e.src}, {e.at})</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Callout({ kind, title, children }: { kind: string; title?: string; children: ReactNode }) {
  const { t } = useApp();
  return (
    <aside className={`callout callout-${kind}`} aria-label={title ?? t.callout[kind]}>
      <p className="callout-label">{t.callout[kind]}{title ? ` — ${title}` : ''}</p>
      {children}
    </aside>
  );
}

function Term({ id, children }: { id: string; children: ReactNode }) {
  const { lang } = useApp();
  const term = glossary.find((g) => g.id === id);
  return (
    <a className="term" href={formatRoute({ kind: 'chapter', lang, chapterId: 'glossary', anchor: `term-${id}` })} title={term?.[lang].definition}>
      {children}
    </a>
  );
}

const InChecklist = createContext(false);

function Checklist({ children }: { children: ReactNode }) {
  return (
    <div className="checklist">
      <InChecklist.Provider value={true}>{children}</InChecklist.Provider>
    </div>
  );
}

function ListItem({ children, ...rest }: { children?: ReactNode }) {
  const inChecklist = useContext(InChecklist);
  const [done, setDone] = useState(false);
  if (!inChecklist) return <li {...rest}>{children}</li>;
  return (
    <li className={done ? 'done' : undefined}>
      <label>
        <input type="checkbox" checked={done} onChange={() => setDone(!done)} />
        <span>{children}</span>
      </label>
    </li>
  );
}

function GlossaryList() {
  const { lang, t } = useApp();
  const [query, setQuery] = useState('');
  const sorted = useMemo(() => [...glossary].sort((a, b) => a[lang].term.localeCompare(b[lang].term, lang)), [lang]);
  const q = foldText(query.trim());
  const shown = q
    ? sorted.filter((g) => foldText([g[lang].term, g[lang].definition, ...g.synonyms.map((s) => s.term)].join(' ')).includes(q))
    : sorted;
  return (
    <div className="glossary">
      <label className="glossary-filter">
        <span>{t.glossaryFilter}</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <dl>
        {shown.map((g) => (
          <div key={g.id} id={`term-${g.id}`} className="glossary-entry">
            <dt>
              <span lang={lang}>{g[lang].term}</span>
              <span className="glossary-other" lang={lang === 'en' ? 'es' : 'en'}>{g[lang === 'en' ? 'es' : 'en'].term}</span>
              <span className="tag">{t.category[g.category]}</span>
            </dt>
            <dd>
              <p>{g[lang].definition}</p>
              {g[lang].note && <p className="glossary-note">{g[lang].note}</p>}
              {g.synonyms.length > 0 && (
                <p className="glossary-synonyms">
                  <strong>{t.synonyms}:</strong>{' '}
                  {g.synonyms.map((s, i) => (
                    <span key={s.term}>
                      {i > 0 && ', '}
                      <em>{s.term}</em>
                      {s.countries && ` (${s.countries.map((c) => t.value[c]).join(', ')})`}
                    </span>
                  ))}
                </p>
              )}
              {g.related.length > 0 && (
                <p className="glossary-related">
                  <strong>{t.related}:</strong>{' '}
                  {g.related.map((r, i) => {
                    const other = glossary.find((x) => x.id === r);
                    return (
                      <span key={r}>
                        {i > 0 && ', '}
                        <a href={formatRoute({ kind: 'chapter', lang, chapterId: 'glossary', anchor: `term-${r}` })}>{other?.[lang].term ?? r}</a>
                      </span>
                    );
                  })}
                </p>
              )}
              <p className="glossary-sources">
                {g.sources.map((s) => (
                  <a key={`${s.src}${s.at}`} className="source-pill" href={sourceRoute(lang, s.src)}>{s.src} {s.at}</a>
                ))}
              </p>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function SourceList() {
  const { lang } = useApp();
  return (
    <dl className="source-list">
      {sources.map((s) => (
        <div key={s.id} id={`source-${s.id}`} className="source-entry">
          <dt>
            <code>{s.id}</code> {s[lang].title}
            {s.year ? ` (${s.year})` : ''}
          </dt>
          <dd>{s[lang].description}</dd>
        </div>
      ))}
    </dl>
  );
}

function ContentLink({ href = '', children }: { href?: string; children?: ReactNode }) {
  const { lang, route } = useApp();
  const current = route.kind === 'chapter' ? route.chapterId : '';
  return <a href={resolveContentLink(href, lang, current) ?? href}>{children}</a>;
}

function headingWithAnchor(Tag: 'h2' | 'h3') {
  return function Heading({ id, children }: { id?: string; children?: ReactNode }) {
    const { lang, route, t } = useApp();
    const [editing, setEditing] = useState(false);
    const chapterId = route.kind === 'chapter' ? route.chapterId : '';
    const label = typeof children === 'string' ? children : (id ?? '');
    return (
      <>
        <Tag id={id} tabIndex={-1}>
          {children}
          {id && (
            <span className="heading-tools">
              <a className="heading-anchor" href={formatRoute({ kind: 'chapter', lang, chapterId, anchor: id })} aria-label={t.copyLink} title={t.copyLink}>
                <Icon name="link" size={16} />
              </a>
              <MarkButtons chapterId={chapterId} anchor={id} label={label} onNote={() => setEditing(true)} />
            </span>
          )}
        </Tag>
        {id && <HeadingNote chapterId={chapterId} anchor={id} editing={editing} setEditing={setEditing} />}
      </>
    );
  };
}

function Table({ children }: { children?: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>{children}</table>
    </div>
  );
}

/** Every component an author may use in MDX, plus the element overrides of the reader. */
export const mdxComponents = {
  Cite, Fact, Callout, Term, Checklist, GlossaryList, SourceList, References, CommunityProfile, CommunityTable, Profiler,
  IndicatorCatalogue, InstrumentList, InstrumentPage, ModuleCatalogue, ModulePage, WorkshopBuilder, FieldRecords,
  a: ContentLink,
  li: ListItem,
  h2: headingWithAnchor('h2'),
  h3: headingWithAnchor('h3'),
  table: Table,
};
