/** The facet vocabulary of the brief: one list, used by the schema, the filters and search. */
export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** A child's age groups, youngest first (0–5, 6–13, 14–17): every list that offers them uses this order. */
export const CHILD_AGE_GROUPS = ['early', 'under14', '14to17'] as const;
export const AGE_GROUPS = [...CHILD_AGE_GROUPS, 'all'] as const;
export const COMMUNITY_TYPES = ['settlement', 'urban', 'all'] as const;
export const AUDIENCES = [
  'ngo', 'trainer', 'official',
  'children', 'adolescents', 'parents', 'miners', 'teachers', 'officials', 'media',
] as const;
export const COUNTRIES = ['bo', 'ec', 'pe', 'co'] as const;
export const ORGANISATIONS = ['property-equality', 'property-inequality'] as const;
export const WORK_RELATIONS = ['formal', 'informal'] as const;

export type AgeGroup = (typeof AGE_GROUPS)[number];
export type CommunityType = (typeof COMMUNITY_TYPES)[number];
export type Audience = (typeof AUDIENCES)[number];
export type Country = (typeof COUNTRIES)[number];

/** What a reader can filter by; each key holds the values a chapter is tagged with. */
export interface Facets {
  ageGroups: AgeGroup[];
  communityTypes: CommunityType[];
  audiences: Audience[];
  countries?: Country[];
}

/** The facets the reader filters by (countries are shown, not filtered). */
export const FILTERABLE_FACETS = ['ageGroups', 'communityTypes', 'audiences'] as const;
export type FilterKey = (typeof FILTERABLE_FACETS)[number];
export type FacetFilter = Partial<Record<FilterKey, string[]>>;

/** The values offered as filter chips (the `all` tag is not a choice, it matches every choice). */
export const FILTER_CHOICES: Record<FilterKey, readonly string[]> = {
  ageGroups: CHILD_AGE_GROUPS,
  communityTypes: COMMUNITY_TYPES.filter((v) => v !== 'all'),
  audiences: ['ngo', 'trainer', 'official'],
};

/**
 * True when tagged content belongs under the filter: for each facet with chosen values,
 * the content is tagged `all` or with at least one chosen value.
 */
export function matchesFacets(tags: Facets, filter: FacetFilter): boolean {
  for (const key of FILTERABLE_FACETS) {
    const chosen = filter[key];
    if (!chosen || chosen.length === 0) continue;
    const have = tags[key] as readonly string[];
    if (have.includes('all')) continue;
    if (!chosen.some((v) => have.includes(v))) return false;
  }
  return true;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
