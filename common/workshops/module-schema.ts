/**
 * Workshop modules as typed data: one schema serves the module page, the catalogue filters,
 * the workshop builder's agenda, the printed handouts and search.
 */
import { z } from 'zod';
import { AGE_GROUPS, COMMUNITY_TYPES, COUNTRIES } from '../facets.ts';

const text = z.string().trim().min(1, 'must not be empty');
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens');

/** Who the workshop is for (the awareness target groups of the brief). */
export const MODULE_AUDIENCES = ['children', 'adolescents', 'parents', 'miners', 'teachers', 'officials', 'media'] as const;
export type ModuleAudience = (typeof MODULE_AUDIENCES)[number];

/** How an activity works; children's modules must use play, drawing, drama or stories. */
export const STEP_METHODS = ['game', 'drawing', 'drama', 'story', 'discussion', 'presentation', 'group-work', 'field-visit', 'reflection'] as const;
export const PLAYFUL_METHODS = ['game', 'drawing', 'drama', 'story'] as const;

const stepText = z.strictObject({
  title: text,
  /** What the facilitator does and says, step by step. */
  instructions: text,
  /** A tip for the facilitator only (printed in the facilitator's agenda, not in handouts). */
  facilitatorNote: text.optional(),
});

export const moduleStepSchema = z.strictObject({
  minutes: z.number().int().min(1, 'at least 1 minute').max(240, 'at most 240 minutes: split the activity'),
  method: z.enum(STEP_METHODS),
  en: stepText,
  es: stepText,
});
export type ModuleStep = z.infer<typeof moduleStepSchema>;

const moduleText = z.strictObject({
  title: text,
  /** One or two sentences for lists and search results. */
  summary: text,
  objectives: z.array(text).min(1, 'list at least one objective'),
  materials: z.array(text).min(1, 'list the materials (write "none" if nothing is needed)'),
  discussionQuestions: z.array(text).min(1, 'list at least one discussion question'),
  /** The one message participants should leave with. */
  takeHome: text,
  /** How to adapt the template: community type, country, group size, literacy. */
  adapt: text,
  /** What participants take away on paper. */
  handout: z.strictObject({ title: text, points: z.array(text).min(1) }),
});

export const workshopModuleSchema = z.strictObject({
  id: slug,
  audience: z.enum(MODULE_AUDIENCES),
  /** Position among the modules of its audience. */
  order: z.number().int().positive(),
  ageGroups: z.array(z.enum(AGE_GROUPS)).min(1),
  communityTypes: z.array(z.enum(COMMUNITY_TYPES)).min(1),
  countries: z.array(z.enum(COUNTRIES)).optional(),
  /** Largest group the activities work with. */
  maxParticipants: z.number().int().positive().max(200).optional(),
  en: moduleText,
  es: moduleText,
  steps: z.array(moduleStepSchema).min(2, 'a module has at least two steps'),
  sources: z.array(z.strictObject({ src: text, at: text })).min(1, 'cite the sources the module follows'),
});
export type WorkshopModule = z.infer<typeof workshopModuleSchema>;

/** A module's length is the sum of its steps: there is no second figure to keep in step. */
export function moduleMinutes(module: Pick<WorkshopModule, 'steps'>): number {
  return module.steps.reduce((n, s) => n + s.minutes, 0);
}
