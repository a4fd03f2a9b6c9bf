/**
 * What search indexes, per language: chapter blocks, each case community under its case study,
 * each instrument and its sections, each workshop module and the parts of its page, glossary terms.
 */
import type { Lang } from '../../common/facets.ts';
import type { ContentData } from '../../common/content-schema.ts';
import type { SearchDoc } from '../../common/search/search-types.ts';
import { instrumentSectionAnchor } from '../../common/forms/instrument-schema.ts';
import { modulePartAnchor, type ModulePagePart } from '../../common/workshops/module-page.ts';
import { translatorFor } from '../../common/i18n/catalogues.ts';
import { communitySearchText } from '../../common/community-labels.ts';
import type { LoadedChapter } from './load-chapter.ts';

type SearchableContent = Pick<ContentData, 'communities' | 'instruments' | 'workshopModules' | 'glossary'> & { chapters: LoadedChapter[] };

/** The searchable documents of one language: chapter blocks and glossary terms. */
export function searchDocs(content: SearchableContent, lang: Lang, glossaryChapterTitle?: string): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const c of content.chapters.filter((ch) => ch.lang === lang)) {
    const fm = c.frontmatter;
    for (const b of c.blocks) {
      docs.push({
        kind: 'section', chapterId: fm.id, chapterTitle: fm.title, section: fm.section, anchor: b.anchor, heading: b.heading, text: b.text,
        ageGroups: fm.ageGroups, communityTypes: fm.communityTypes, audiences: fm.audiences, ...(fm.countries ? { countries: fm.countries } : {}),
      });
    }
  }
  // Each case community is found under its case study: name as heading, agency and organisation terms as text.
  for (const c of content.communities) {
    const chapter = content.chapters.find((ch) => ch.lang === lang && ch.frontmatter.id === c.caseChapter);
    if (!chapter) continue;
    const fm = chapter.frontmatter;
    docs.push({
      kind: 'section', chapterId: fm.id, chapterTitle: fm.title, section: fm.section, anchor: '', heading: c[lang].name,
      text: communitySearchText(c, lang).normalize('NFC'),
      // Asides in brackets often name other communities ("same programme as Potosí"): left out.
      keywords: `${c.en.name} ${c.es.name} ${c[lang].implementingAgency.replace(/\([^)]*\)/g, ' ')} ${c[lang].production}`.normalize('NFC'),
      boost: 2,
      ageGroups: fm.ageGroups, communityTypes: fm.communityTypes, audiences: fm.audiences, ...(fm.countries ? { countries: fm.countries } : {}),
    });
  }
  // Each instrument: its description, and each section with the wording of its questions and choices.
  for (const f of content.instruments) {
    const base = { kind: 'tool' as const, chapterId: f.id, chapterTitle: f[lang].title, section: f.kind, ageGroups: ['all' as const], communityTypes: ['all' as const], audiences: ['ngo' as const] };
    const t = f[lang];
    docs.push({ ...base, anchor: '', heading: t.title, text: [t.purpose, t.whoApplies, t.when, t.duration].join(' ').normalize('NFC') });
    for (const sec of f.sections) {
      const words = sec.questions.flatMap((q) => {
        const list = q.choices ? f.choiceLists.find((l) => l.name === q.choices) : undefined;
        return [q[lang].label, q[lang].hint ?? '', ...(list?.choices.map((c) => c[lang]) ?? [])];
      });
      docs.push({ ...base, anchor: instrumentSectionAnchor(sec.id), heading: sec[lang].title, text: [sec[lang].intro ?? '', ...words].filter(Boolean).join(' · ').normalize('NFC') });
    }
  }
  // Each workshop module: its summary and objectives, then each part of its page.
  for (const m of content.workshopModules) {
    const t = m[lang];
    const base = { kind: 'tool' as const, chapterId: m.id, chapterTitle: t.title, section: 'awareness', ageGroups: m.ageGroups, communityTypes: m.communityTypes, audiences: ['trainer' as const, m.audience], ...(m.countries ? { countries: m.countries } : {}) };
    const title = (part: ModulePagePart) => translatorFor(lang).format(`workshop.part.${part}`);
    const parts: Array<[ModulePagePart, string[]]> = [
      ['objectives', t.objectives], ['materials', t.materials],
      ['steps', m.steps.flatMap((s) => [s[lang].title, s[lang].instructions])],
      ['discussion', t.discussionQuestions], ['take-home', [t.takeHome]], ['handout', [t.handout.title, ...t.handout.points]], ['adapt', [t.adapt]],
    ];
    docs.push({ ...base, anchor: '', heading: t.title, text: t.summary.normalize('NFC') });
    for (const [part, texts] of parts) docs.push({ ...base, anchor: modulePartAnchor(part), heading: title(part), text: texts.join(' · ').normalize('NFC') });
  }
  const glossaryChapter = content.chapters.find((c) => c.lang === lang && c.frontmatter.id === 'glossary');
  for (const t of content.glossary) {
    const names = t.synonyms.map((s) => s.term);
    docs.push({
      kind: 'term', chapterId: 'glossary', chapterTitle: glossaryChapterTitle ?? glossaryChapter?.frontmatter.title ?? 'Glossary',
      section: 'definitions', anchor: `term-${t.id}`, heading: t[lang].term,
      text: [t[lang].definition, names.length ? names.join(', ') : '', t[lang].note ?? ''].filter(Boolean).join(' ').normalize('NFC'),
      ageGroups: ['all'], communityTypes: ['all'], audiences: ['ngo', 'trainer', 'official'],
    });
  }
  return docs;
}
