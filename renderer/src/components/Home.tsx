import { useEffect } from 'react';
import { matchesFacets, type FacetFilter } from '../../../common/facets.ts';
import { chaptersIn, findChapter, readingPaths, sections } from '../app/content.ts';
import { useApp } from '../app/app-state.tsx';
import { useReaderMarks } from '../app/reader-data.tsx';
import { usePagesData } from '../app/pages.ts';
import { continueInPath } from '../../../common/reader-marks.ts';

const MODEL_CHAPTER = 'model-on-one-page';
// NGO teams start from their own community: the profiler gives them a first plan.
const PROFILER_CHAPTER = 'community-profiler';

export function Home() {
  const { t, lang, settings } = useApp();
  useEffect(() => {
    document.title = `Puente — ${t.tagline}`;
  }, [t]);
  const chapters = chaptersIn(lang).filter((c) => matchesFacets(c, settings.filters as FacetFilter));
  const model = findChapter(lang, MODEL_CHAPTER);
  const profilerChapter = findChapter(lang, PROFILER_CHAPTER);
  const modelSummary = usePagesData(lang, [MODEL_CHAPTER]).get(MODEL_CHAPTER)?.summary;
  const { data: marks } = useReaderMarks();
  const recent = marks.recent.map((r) => findChapter(lang, r.chapterId)).filter((c) => c !== undefined).slice(0, 4);
  return (
    <main id="main" className="home" tabIndex={-1}>
      <section className="hero">
        <h1>{t.appName}</h1>
        <p className="tagline">{t.tagline}</p>
        {model && (
          <a className="model-card" href={model.route}>
            <strong>{t.modelOnOnePage}</strong>
            <span>{modelSummary}</span>
          </a>
        )}
        {profilerChapter && (
          <a className="model-card" href={profilerChapter.route} data-testid="start-with-community">
            <strong>{t.startWithCommunity}</strong>
            <span>{t.startWithCommunityText}</span>
          </a>
        )}
      </section>
      {recent.length > 0 && (
        <section aria-labelledby="recent-title" className="recent">
          <h2 id="recent-title">{t.marks.continueReading}</h2>
          <ul className="recent-list">
            {recent.map((c) => <li key={c.id}><a href={c.route}>{c.title}</a></li>)}
          </ul>
        </section>
      )}
      <section aria-labelledby="paths-title">
        <h2 id="paths-title">{t.readingPaths}</h2>
        <p>{t.readingPathsIntro}</p>
        <div className="paths">
          {readingPaths.map((path) => {
            const steps = path.chapters.map((id) => findChapter(lang, id)).filter((c) => c !== undefined);
            return (
              <article key={path.id} className={`path path-${path.id}`} data-path={path.id}>
                <h3>{path[lang].title}</h3>
                <p>{path[lang].description}</p>
                <ol>
                  {steps.map((c) => <li key={c.id}><a href={c.route}>{c.title}</a></li>)}
                </ol>
                <PathProgress chapters={steps.map((c) => c.id)} />
              </article>
            );
          })}
        </div>
      </section>
      <section aria-labelledby="sections-title">
        <h2 id="sections-title">{t.allSections}</h2>
        <div className="section-grid">
          {sections.map((s) => {
            const inSection = chapters.filter((c) => c.section === s.id);
            if (inSection.length === 0) return null;
            return (
              <article key={s.id} className="section-card">
                <h3>{s[lang]}</h3>
                <p className="muted">{t.chapters({ n: inSection.length })}</p>
                <ul>
                  {inSection.map((c) => <li key={c.id}><a href={c.route}>{c.title}</a></li>)}
                </ul>
              </article>
            );
          })}
        </div>
      </section>
    </main>
  );
}

function PathProgress({ chapters }: { chapters: string[] }) {
  const { lang, t } = useApp();
  const { data } = useReaderMarks();
  const done = chapters.filter((id) => data.read.includes(id)).length;
  const next = continueInPath(chapters, data.read);
  const target = findChapter(lang, next ?? chapters[0]);
  return (
    <div className="path-progress">
      <progress max={chapters.length} value={done} aria-label={t.marks.progress({ a: done, b: chapters.length })} />
      <span className="muted">{next ? t.marks.progress({ a: done, b: chapters.length }) : t.marks.pathDone}</span>
      {target && <a className="button" href={target.route}>{done === 0 ? t.startPath : t.marks.continuePath} →</a>}
    </div>
  );
}
