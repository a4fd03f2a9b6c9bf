import type { Lang } from './facets.ts';
import type { Community } from './content-schema.ts';

/** How the fields of a case community read, in each language (the table, the cards, search). */
export const COMMUNITY_LABELS: Record<Lang, Record<string, string>> = {
  en: {
    settlement: 'Mining settlement', urban: 'Urban centre', 'not-reported': 'Not reported',
    'property-equality': 'Property equality', 'property-inequality': 'Property inequality',
    formal: 'Formal work relations', informal: 'Informal work relations',
    small: 'Small', medium: 'Medium', large: 'Large',
    gold: 'Gold', silver: 'Silver', tin: 'Tin', coal: 'Coal',
    'ready-to-transfer': 'Ready to systematise and transfer', 'needs-support-to-complete': 'Needs support to complete the process',
    'needs-support-to-continue': 'Needs support to continue the process', 'not-assessed': 'Not assessed by the sources',
    bo: 'Bolivia', ec: 'Ecuador', pe: 'Peru', co: 'Colombia',
    plannedChildren: 'children planned', plannedFamilies: 'families planned',
  },
  es: {
    settlement: 'Campamento minero', urban: 'Centro urbano', 'not-reported': 'Sin dato',
    'property-equality': 'Igualdad en la propiedad', 'property-inequality': 'Desigualdad en la propiedad',
    formal: 'Relaciones de trabajo formales', informal: 'Relaciones de trabajo informales',
    small: 'Pequeña', medium: 'Mediana', large: 'Grande',
    gold: 'Oro', silver: 'Plata', tin: 'Estaño', coal: 'Carbón',
    'ready-to-transfer': 'Lista para sistematizar y transferir', 'needs-support-to-complete': 'Requiere apoyo para completar el proceso',
    'needs-support-to-continue': 'Requiere apoyo para continuar el proceso', 'not-assessed': 'No evaluada en las fuentes',
    bo: 'Bolivia', ec: 'Ecuador', pe: 'Perú', co: 'Colombia',
    plannedChildren: 'niños y niñas previstos', plannedFamilies: 'familias previstas',
  },
};

export function communityLabel(lang: Lang, value: string): string {
  return COMMUNITY_LABELS[lang][value] ?? value;
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
