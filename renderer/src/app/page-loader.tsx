import type { ComponentType } from 'react';
import type { ManifestChapter } from '../../../common/content-schema.ts';
import { loadChapter } from './content.ts';

export type PageComponents = Record<string, unknown>;
export type PageComponent = ComponentType<{ components?: PageComponents }>;

/** A page drawn from a typed record (an instrument or a workshop module) by its page component. */
function recordPage(component: 'InstrumentPage' | 'ModulePage', id: string): PageComponent {
  return function RecordPage({ components }) {
    const Page = components?.[component] as ComponentType<{ id: string }>;
    return <Page id={id} />;
  };
}

// The MDX components (and the records they show) load with the first chapter, not with the app.
let componentsPromise: Promise<PageComponents> | undefined;
function loadComponents(): Promise<PageComponents> {
  componentsPromise ??= import('../mdx/components.tsx').then((m) => m.mdxComponents as PageComponents);
  return componentsPromise;
}

/** The component of one page of the manual and the MDX components it renders with. */
export async function loadPage(chapter: ManifestChapter): Promise<{ Component: PageComponent; components: PageComponents }> {
  // Instrument and module pages have no MDX: they are drawn from their records.
  const pending = chapter.kind === 'instrument' ? Promise.resolve({ default: recordPage('InstrumentPage', chapter.id) })
    : chapter.kind === 'module' ? Promise.resolve({ default: recordPage('ModulePage', chapter.id) })
      : loadChapter(chapter.lang, chapter.id);
  if (!pending) throw new Error(`no page for ${chapter.lang}/${chapter.id}`);
  const [mod, components] = await Promise.all([pending, loadComponents()]);
  return { Component: mod.default, components };
}
