import { useMemo, useState } from 'react';
import type { GlossaryListEntry } from '../../../common/glossary-list.ts';
import { formatRoute } from '../../../common/routes.ts';
import { foldText } from '../../../common/text.ts';
import { useApp } from '../app/app-state.tsx';
import { SourcePills } from '../components/SourcePills.tsx';

/**
 * <GlossaryList/>: every term with a filter. The build writes the glossary of the chapter's
 * language into `entries` (scripts/content/remark-glossary.ts), sorted, so nothing loads at run time.
 */
export function GlossaryList({ entries }: { entries: string }) {
  const { lang, t } = useApp();
  const [query, setQuery] = useState('');
  const glossary = useMemo(() => JSON.parse(entries) as GlossaryListEntry[], [entries]);
  const other = lang === 'en' ? 'es' : 'en';
  const q = foldText(query.trim());
  const shown = q
    ? glossary.filter((g) => foldText([g.term, g.definition, ...g.synonyms.map((s) => s.term)].join(' ')).includes(q))
    : glossary;
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
              <span lang={lang}>{g.term}</span>
              <span className="glossary-other" lang={other}>{g.otherTerm}</span>
              <span className="tag">{t.category[g.category]}</span>
            </dt>
            <dd>
              <p>{g.definition}</p>
              {g.note && <p className="glossary-note">{g.note}</p>}
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
                  {g.related.map((r, i) => (
                    <span key={r.id}>
                      {i > 0 && ', '}
                      <a href={formatRoute({ kind: 'chapter', lang, chapterId: 'glossary', anchor: `term-${r.id}` })}>{r.term}</a>
                    </span>
                  ))}
                </p>
              )}
              <p className="glossary-sources">
                <SourcePills list={g.sources} />
              </p>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
