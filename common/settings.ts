import { z } from 'zod';
import { AGE_GROUPS, AUDIENCES, COMMUNITY_TYPES, LANGS } from './facets.ts';
import { TEXT_SIZES } from './text-sizes.ts';

/** The reader's preferences, remembered on the machine. */
export const settingsSchema = z.strictObject({
  lang: z.enum(LANGS).nullable(),
  theme: z.enum(['light', 'dark', 'system']),
  textSize: z.number().min(TEXT_SIZES[0]).max(TEXT_SIZES[TEXT_SIZES.length - 1]),
  filters: z.strictObject({
    ageGroups: z.array(z.enum(AGE_GROUPS)).optional(),
    communityTypes: z.array(z.enum(COMMUNITY_TYPES)).optional(),
    audiences: z.array(z.enum(AUDIENCES)).optional(),
  }),
});
export type Settings = z.infer<typeof settingsSchema>;
export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = { lang: null, theme: 'system', textSize: 1, filters: {} };

/** Stored settings merged over the defaults; anything unreadable falls back to the default. */
export function readSettings(stored: unknown): Settings {
  const merged = { ...DEFAULT_SETTINGS, ...(typeof stored === 'object' && stored ? stored : {}) };
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
