import { LANGS, type Lang } from '../../common/facets.ts';
import { formatRoute } from '../../common/routes.ts';
import { instrumentSectionAnchor, questionsOf, type Instrument } from '../../common/forms/instrument-schema.ts';
import type { ContentData, ContentManifest, ManifestChapter } from '../../common/content-schema.ts';
import { buildSearchIndex } from '../../common/search/build-search-index.ts';
import type { SearchIndexData } from '../../common/search/search-types.ts';
import { ContentValidationError } from './content-error.ts';
import type { LoadedContent } from './load-content.ts';
import { searchDocs } from './search-documents.ts';
import type { WorkshopModule } from '../../common/workshops/module-schema.ts';
import { modulePageHeadings } from '../../common/workshops/module-page.ts';
import { translatorFor } from '../../common/i18n/catalogues.ts';
import { messageView } from '../../common/i18n/message-view.ts';


/** Throws one error listing every problem (file:line — message) when the content is not valid. */
export function assertValidContent(content: LoadedContent): void {
  if (content.problems.length > 0) throw new ContentValidationError(content.problems);
}

export function buildManifest(content: LoadedContent): ContentManifest {
  const sectionOrder = new Map(content.sections.map((s, i) => [s.id, i]));
  const instrumentPages: ManifestChapter[] = content.instruments.flatMap((f) => LANGS.map((lang) => instrumentPage(f, lang)));
  const modulePages: ManifestChapter[] = content.workshopModules.flatMap((m, i) => LANGS.map((lang) => modulePage(m, i, lang)));
  const chapters: ManifestChapter[] = content.chapters
    .map((c): ManifestChapter => {
      const fm = c.frontmatter;
      return {
        kind: 'chapter',
        id: fm.id, lang: c.lang, title: fm.title, summary: fm.summary, route: formatRoute({ kind: 'chapter', lang: c.lang, chapterId: fm.id }),
        section: fm.section, order: fm.order, sources: fm.sources, headings: c.headings, words: c.words,
        ageGroups: fm.ageGroups, communityTypes: fm.communityTypes, audiences: fm.audiences,
        ...(fm.countries ? { countries: fm.countries } : {}),
      };
    })
    .concat(instrumentPages, modulePages)
    .sort((a, b) => a.lang.localeCompare(b.lang) || sectionOrder.get(a.section)! - sectionOrder.get(b.section)! || a.order - b.order || a.id.localeCompare(b.id));
  return { version: 1, generatedAt: new Date(0).toISOString(), languages: LANGS, sections: content.sections, chapters };
}

/** An instrument's page in the manual: after the chapters of its section (baseline or monitoring). */
function instrumentPage(f: Instrument, lang: Lang): ManifestChapter {
  const questions = questionsOf(f);
  return {
    kind: 'instrument', id: f.id, lang, title: f[lang].title, summary: f[lang].purpose,
    route: formatRoute({ kind: 'chapter', lang, chapterId: f.id }), section: f.kind, order: INSTRUMENT_ORDER_OFFSET + f.order,
    sources: [...new Set(f.sources.map((s) => s.src))],
    headings: f.sections.map((sec) => ({ depth: 2 as const, id: instrumentSectionAnchor(sec.id), text: sec[lang].title })),
    words: questions.reduce((n, q) => n + q[lang].label.split(' ').length, 0),
    ageGroups: ['all'], communityTypes: ['all'], audiences: ['ngo'],
  };
}

/** Instruments are listed after the chapters of their section. */
const INSTRUMENT_ORDER_OFFSET = 100;

/** A workshop module's page: after the awareness chapters, grouped by audience (the modules come sorted). */
function modulePage(m: WorkshopModule, position: number, lang: Lang): ManifestChapter {
  const t = m[lang];
  const words = [t.summary, ...t.objectives, ...m.steps.map((s) => s[lang].instructions), ...t.discussionQuestions, t.takeHome, t.adapt];
  return {
    kind: 'module', id: m.id, lang, title: t.title, summary: t.summary,
    route: formatRoute({ kind: 'chapter', lang, chapterId: m.id }), section: 'awareness', order: INSTRUMENT_ORDER_OFFSET + position + 1,
    sources: [...new Set(m.sources.map((s) => s.src))],
    headings: modulePageHeadings(messageView(translatorFor(lang)).workshop.part),
    words: words.join(' ').split(/\s+/).length,
    ageGroups: m.ageGroups, communityTypes: m.communityTypes, audiences: ['trainer', m.audience],
    ...(m.countries ? { countries: m.countries } : {}),
  };
}

export function buildContentData(content: LoadedContent): ContentData {
  return {
    sections: content.sections, sources: content.sources, glossary: content.glossary, readingPaths: content.readingPaths,
    communities: content.communities, profiler: content.profiler, instruments: content.instruments, indicators: content.indicators,
    workshopModules: content.workshopModules,
  };
}

export async function buildSearchIndexes(content: LoadedContent): Promise<Record<Lang, SearchIndexData>> {
  const out = {} as Record<Lang, SearchIndexData>;
  for (const lang of LANGS) out[lang] = await buildSearchIndex(lang, searchDocs(content, lang), content.glossary, content.thesaurus);
  return out;
}
