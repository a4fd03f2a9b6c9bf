/**
 * Which workshop modules a trainer's filter keeps: the catalogue and the builder's picker
 * use the same rule. Pure, so it is tested without a page.
 */
import { foldText } from '../text.ts';
import { moduleMinutes, type WorkshopModule } from './module-schema.ts';

export interface ModuleFilter {
  /** One audience, or '' for any. */
  audience: string;
  /** An age group ('early', 'under14', '14to17'), or '' for any; a module for all ages always fits. */
  ageGroup: string;
  /** 'settlement' or 'urban', or '' for any; a module for every community always fits. */
  communityType: string;
  /** The longest module wanted, in minutes; 0 for any length. */
  maxMinutes: number;
  /** Words looked for in the title, summary and objectives, case and accents aside. */
  query: string;
}

export const NO_MODULE_FILTER: ModuleFilter = { audience: '', ageGroup: '', communityType: '', maxMinutes: 0, query: '' };

/** The lengths a trainer can pick as the longest module, in minutes. */
export const MODULE_LENGTH_CHOICES = [60, 90, 120, 180] as const;

export function filterModules(modules: readonly WorkshopModule[], f: ModuleFilter, lang: 'en' | 'es'): WorkshopModule[] {
  const q = foldText(f.query.trim());
  return modules.filter((m) =>
    (!f.audience || m.audience === f.audience) &&
    (!f.ageGroup || m.ageGroups.some((a) => a === f.ageGroup || a === 'all')) &&
    (!f.communityType || m.communityTypes.some((c) => c === f.communityType || c === 'all')) &&
    (!f.maxMinutes || moduleMinutes(m) <= f.maxMinutes) &&
    (!q || foldText([m[lang].title, m[lang].summary, ...m[lang].objectives].join(' ')).includes(q)));
}
