import type { Lang } from './facets.ts';
import { translatorFor } from './i18n/catalogues.ts';
import type { Community } from './content-schema.ts';

/** How a field's value of a case community reads in a language (community.value.* in the catalogues; the screens read the same messages from their language pack). */
export function communityLabel(lang: Lang, value: string): string {
  return translatorFor(lang).formatLoose(`community.value.${value}`) ?? value;
}

/** The words a reader may search a community by: its name, agency and social organisation terms, and the figures its card shows. */
export function communitySearchText(c: Community, lang: Lang): string {
  const l = (v: string) => communityLabel(lang, v);
  const planned = [c.plannedChildren && `${c.plannedChildren} ${l('plannedChildren')}`, c.plannedFamilies && `${c.plannedFamilies} ${l('plannedFamilies')}`].filter(Boolean).join(', ');
  return [
    c[lang].implementingAgency, l(c.country), l(c.communityType), l(c.organisation), l(c.workRelations),
    c.minerals.map(l).join(', '), l(c.maturity), planned, c[lang].production, c[lang].results,
  ].filter(Boolean).join('. ');
}
