import { createContext, useContext, useState, type ReactNode } from 'react';
import { formatRoute, resolveContentLink } from '../../../common/routes.ts';
import { localLocator } from '../../../common/source-citation.ts';
import { sources } from '../app/content.ts';
import { useApp } from '../app/app-state.tsx';
import { Icon } from '../components/Icon.tsx';
import { HeadingNote, MarkButtons } from '../components/HeadingMarks.tsx';
import { Fact } from './Fact.tsx';
import { sourceRoute } from './source-route.ts';

// The light components every chapter uses. The heavy ones (profiler, field records, workshop
// builder, instrument pages, glossary list…) are imported by the chapters that use them
// (scripts/content/remark-page-parts.ts, table in vite.config.ts), so they never load with the app.

/** <Cite src at n/>: a numbered reference to a source, linking to it in the Sources chapter. */
function Cite({ src, at, n }: { src: string; at: string; n?: string }) {
  const { lang, t } = useApp();
  const source = sources.find((s) => s.id === src);
  const label = `${t.referenceTo}: ${source?.[lang].title ?? src}, ${localLocator(at, lang)}`;
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
              <a href={sourceRoute(lang, e.src)}>{source?.[lang].title ?? e.src}</a>{', '}
              <span className="ref-at">{localLocator(e.at, lang)}</span>
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

/** <Term id>: a link to the glossary entry; the build writes the definition in (scripts/content/remark-glossary.ts). */
function Term({ id, definition, children }: { id: string; definition?: string; children: ReactNode }) {
  const { lang } = useApp();
  return (
    <a className="term" href={formatRoute({ kind: 'chapter', lang, chapterId: 'glossary', anchor: `term-${id}` })} title={definition}>
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

function SourceList() {
  const { lang } = useApp();
  return (
    <dl className="source-list">
      {sources.map((s) => (
        <div key={s.id} id={`source-${s.id}`} className="source-entry">
          <dt>
            <strong>{s[lang].short}</strong> — {s[lang].title}
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

/** The light components an author may use in MDX, plus the element overrides of the reader. */
export const mdxComponents = {
  Cite, Fact, Callout, Term, Checklist, SourceList, References,
  a: ContentLink,
  li: ListItem,
  h2: headingWithAnchor('h2'),
  h3: headingWithAnchor('h3'),
  table: Table,
};
