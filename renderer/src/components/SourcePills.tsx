import { citationLabel } from '../../../common/source-citation.ts';
import { sources } from '../app/content.ts';
import { useApp } from '../app/app-state.tsx';
import { sourceRoute } from '../mdx/source-route.ts';

/** Source references as small links to the Sources chapter ("Evaluación final OIT-IPEC, §70"), with the document's full title on hover. */
export function SourcePills({ list }: { list: ReadonlyArray<{ src: string; at: string }> }) {
  const { lang } = useApp();
  return (
    <>
      {list.map((s) => (
        <a key={`${s.src}${s.at}`} className="source-pill" href={sourceRoute(lang, s.src)} title={sources.find((x) => x.id === s.src)?.[lang].title}>
          {citationLabel(sources, s.src, s.at, lang)}
        </a>
      ))}
    </>
  );
}
