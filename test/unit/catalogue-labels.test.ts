/**
 * The case communities' values and a workshop module page's part titles come from the interface
 * catalogues (community.value.*, workshop.part.*), the same words for the screens, the manifest and search.
 */
import { describe, expect, it } from 'vitest';
import { communityLabel } from '../../common/community-labels.ts';
import { COMMUNITY_TYPE_VALUES, MATURITY_LEVELS, MINERALS, ORGANISATION_VALUES, SIZE_BANDS, WORK_RELATION_VALUES } from '../../common/content-schema.ts';
import { COUNTRIES } from '../../common/facets.ts';
import { translatorFor } from '../../common/i18n/catalogues.ts';
import { messageView } from '../../common/i18n/message-view.ts';
import { MODULE_PAGE_PARTS, modulePageHeadings } from '../../common/workshops/module-page.ts';

const VALUES = [...COUNTRIES, ...COMMUNITY_TYPE_VALUES, ...ORGANISATION_VALUES, ...WORK_RELATION_VALUES, ...MINERALS, ...MATURITY_LEVELS, ...SIZE_BANDS, 'plannedChildren', 'plannedFamilies'];

describe('the words of a case community’s fields', () => {
  it('has each value the schema allows in both languages, as the screens read it from their language pack', () => {
    for (const lang of ['en', 'es'] as const) {
      const pack = messageView(translatorFor(lang)).community.value;
      for (const value of VALUES) {
        expect(pack[value], `${lang} ${value}`).toBeDefined();
        expect(communityLabel(lang, value)).toBe(pack[value]);
      }
    }
    expect(communityLabel('es', 'settlement')).toBe('Campamento minero');
    expect(communityLabel('en', 'not-assessed')).toBe('Not assessed by the sources');
  });
});

describe('a workshop module page’s headings', () => {
  it('names every part in the reader’s language, from the catalogue', () => {
    for (const lang of ['en', 'es'] as const) {
      const headings = modulePageHeadings(messageView(translatorFor(lang)).workshop.part);
      expect(headings.map((h) => h.id)).toEqual(MODULE_PAGE_PARTS.map((p) => `module-${p}`));
      for (const h of headings) expect(h.text, `${lang} ${h.id}`).toMatch(/^\p{Lu}/u);
    }
    expect(modulePageHeadings(messageView(translatorFor('es')).workshop.part)[2].text).toBe('Actividades paso a paso');
  });
});
