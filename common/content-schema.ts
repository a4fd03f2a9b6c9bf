/** One schema for every piece of content; the build, the app and the tests all use it. */
import { z } from 'zod';
import { AGE_GROUPS, AUDIENCES, COMMUNITY_TYPES, COUNTRIES, ORGANISATIONS, WORK_RELATIONS } from './facets.ts';
import type { Facets, Lang } from './facets.ts';
import type { ProfilerDefinition } from './profiler.ts';
import type { Indicator, Instrument } from './forms/instrument-schema.ts';
import type { WorkshopModule } from './workshops/module-schema.ts';

const slugId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** Built per content set, because section and source ids come from content files. */
export function chapterFrontmatterSchema(sectionIds: readonly string[], sourceIds: readonly string[]) {
  const list = <T extends readonly [string, ...string[]]>(values: T) =>
    z.array(z.enum(values)).min(1, 'list at least one value');
  return z.strictObject({
    id: slugId,
    title: nonEmpty,
    section: z.enum(sectionIds as [string, ...string[]]),
    order: z.number().int().positive(),
    summary: nonEmpty,
    ageGroups: list(AGE_GROUPS),
    communityTypes: list(COMMUNITY_TYPES),
    audiences: list(AUDIENCES),
    countries: list(COUNTRIES).optional(),
    organisation: z.enum(ORGANISATIONS).optional(),
    workRelations: z.enum(WORK_RELATIONS).optional(),
    sources: list(sourceIds as [string, ...string[]]),
  });
}
export type ChapterFrontmatter = z.infer<ReturnType<typeof chapterFrontmatterSchema>>;

export const sectionSchema = z.strictObject({ id: slugId, en: nonEmpty, es: nonEmpty });
export const sectionsFileSchema = z.array(sectionSchema).min(1);
export type Section = z.infer<typeof sectionSchema>;

/** `short`: how a reference names the source in running text and pills ("Evaluación final OIT-IPEC"). */
const sourceText = z.strictObject({ title: nonEmpty, short: nonEmpty, description: nonEmpty });
export const sourceSchema = z.strictObject({
  id: slugId,
  year: z.number().int().nullable().optional(),
  en: sourceText,
  es: sourceText,
});
export const sourcesFileSchema = z.array(sourceSchema).min(1);
export type Source = z.infer<typeof sourceSchema>;

export const GLOSSARY_CATEGORIES = ['child-work', 'mining', 'legal', 'programme', 'organisation'] as const;

const citation = z.strictObject({ src: nonEmpty, at: z.union([nonEmpty, z.number()]).transform(String) });
export const glossaryTermSchema = z.strictObject({
  id: slugId,
  category: z.enum(GLOSSARY_CATEGORIES),
  en: z.strictObject({ term: nonEmpty, definition: nonEmpty, note: nonEmpty.optional() }),
  es: z.strictObject({ term: nonEmpty, definition: nonEmpty, note: nonEmpty.optional() }),
  synonyms: z
    .array(z.strictObject({ term: nonEmpty, countries: z.array(z.enum(COUNTRIES)).optional(), note: nonEmpty.optional() }))
    .optional()
    .default([]),
  related: z.array(slugId).optional().default([]),
  /** Other names running text must not use for this concept, per language: the content build flags each (scripts/content/check-consistent-words.ts). */
  nonPreferred: z.strictObject({ en: z.array(nonEmpty).optional(), es: z.array(nonEmpty).optional() }).optional(),
  sources: z.array(citation).min(1, 'cite at least one source'),
});
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

export const COMMUNITY_TYPE_VALUES = ['settlement', 'urban'] as const;
export const ORGANISATION_VALUES = ['property-equality', 'property-inequality', 'not-reported'] as const;
export const WORK_RELATION_VALUES = ['formal', 'informal', 'not-reported'] as const;
export const SIZE_BANDS = ['small', 'medium', 'large', 'not-reported'] as const;
export const MINERALS = ['gold', 'silver', 'tin', 'coal'] as const;
export const MATURITY_LEVELS = ['ready-to-transfer', 'needs-support-to-complete', 'needs-support-to-continue', 'not-assessed'] as const;

const communityText = z.strictObject({ name: nonEmpty, implementingAgency: nonEmpty, production: nonEmpty, results: nonEmpty });

/** A case community: the typed record behind its case study, the comparison table and the profiler. */
export const communitySchema = z.strictObject({
  id: slugId,
  caseChapter: slugId,
  country: z.enum(COUNTRIES),
  communityType: z.enum(COMMUNITY_TYPE_VALUES).or(z.literal('not-reported')),
  organisation: z.enum(ORGANISATION_VALUES),
  workRelations: z.enum(WORK_RELATION_VALUES),
  sizeBand: z.enum(SIZE_BANDS),
  partOfLargerComplex: z.boolean(),
  // Empty when no source says which minerals the community mines.
  minerals: z.array(z.enum(MINERALS)),
  maturity: z.enum(MATURITY_LEVELS),
  standout: z.array(slugId).default([]),
  plannedChildren: z.number().int().positive().optional(),
  plannedFamilies: z.number().int().positive().optional(),
  en: communityText,
  es: communityText,
  sources: z.array(citation).min(1, 'cite at least one source'),
});
export type Community = z.infer<typeof communitySchema>;

/** A heading of a chapter, as the reader's on-page contents and the language switch use it. */
export interface HeadingEntry {
  depth: 2 | 3;
  id: string;
  text: string;
}

/** One chapter in one language, as listed in content-manifest.json. */
export interface ManifestChapter extends Facets {
  /** A written chapter (MDX), or the page of an instrument or a workshop module (rendered from its data). */
  kind: 'chapter' | 'instrument' | 'module';
  id: string;
  lang: Lang;
  title: string;
  summary: string;
  route: string;
  section: string;
  order: number;
  sources: string[];
  headings: HeadingEntry[];
  words: number;
}

export interface ContentManifest {
  version: 1;
  generatedAt: string;
  languages: readonly Lang[];
  sections: Section[];
  chapters: ManifestChapter[];
}

/** Data the reader needs besides chapters: shipped as a JSON module, loaded with the app. */
export interface ContentData {
  sections: Section[];
  sources: Source[];
  glossary: GlossaryTerm[];
  readingPaths: ReadingPath[];
  communities: Community[];
  profiler: ProfilerDefinition | null;
  instruments: Instrument[];
  indicators: Indicator[];
  workshopModules: WorkshopModule[];
}

export const readingPathSchema = z.strictObject({
  id: z.enum(['ngo', 'trainer', 'official']),
  en: z.strictObject({ title: nonEmpty, description: nonEmpty }),
  es: z.strictObject({ title: nonEmpty, description: nonEmpty }),
  chapters: z.array(slugId).min(1),
});
export const readingPathsFileSchema = z.array(readingPathSchema).length(3);
export type ReadingPath = z.infer<typeof readingPathSchema>;
