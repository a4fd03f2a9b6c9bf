import { formatRoute } from '../../../common/routes.ts';
import { sources } from '../app/content.ts';
import { useApp } from '../app/app-state.tsx';

/** Source references as small links to the Sources chapter ("ipec-eval-2005 §70"), with the document's title on hover. */
export function SourcePills({ list }: { list: ReadonlyArray<{ src: string; at: string }> }) {
  const { lang } = useApp();
  return (
    <>
      {list.map((s) => (
        <a key={`${s.src}${s.at}`} className="source-pill" href={formatRoute({ kind: 'chapter', lang, chapterId: 'sources', anchor: `source-${s.src}` })} title={sources.find((x) => x.id === s.src)?.[lang].title}>
          {s.src} {s.at}
        </a>
      ))}
    </>
  );
}
