/**
 * "Which approach fits my community?": the questionnaire's schema and the pure logic that
 * turns answers into a plan. The questions, the hypothesis texts and the rules are data
 * (content/profiler.yaml); this module only applies them.
 */
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const text = z.string().trim().min(1);
const citation = z.strictObject({ src: text, at: text });

/** What an answer says about the community, in the terms of the case records. */
export const PROFILE_FEATURES = ['communityType', 'organisation', 'workRelations', 'sizeBand', 'partOfLargerComplex'] as const;
export type ProfileFeature = (typeof PROFILE_FEATURES)[number];

const optionSchema = z.strictObject({
  id: slug,
  en: text,
  es: text,
  /** Community features this answer implies (compared with the case records). */
  sets: z.partialRecord(z.enum(PROFILE_FEATURES), z.union([z.string(), z.boolean()])).optional(),
});

const questionSchema = z.strictObject({
  id: slug,
  kind: z.enum(['single', 'multiple']),
  required: z.boolean().default(true),
  en: z.strictObject({ label: text, hint: text.optional() }),
  es: z.strictObject({ label: text, hint: text.optional() }),
  options: z.array(optionSchema).min(2),
});

const conditionSchema = z.strictObject({ question: slug, anyOf: z.array(slug).min(1) });

const stepSchema = z.strictObject({ en: text, es: text, cite: citation.optional() });

export const profilerSchema = z.strictObject({
  /** How much each shared feature counts when comparing with a case community. */
  weights: z.record(z.enum(PROFILE_FEATURES), z.number().positive()),
  questions: z.array(questionSchema).min(3),
  /** What the evaluation proposes as a hypothesis, shown when its condition holds. */
  hypotheses: z.array(z.strictObject({
    id: slug,
    when: z.partialRecord(z.enum(PROFILE_FEATURES), z.union([z.string(), z.boolean()])),
    en: text,
    es: text,
    cite: citation,
  })),
  /** Chapters to read first and first steps, when every condition holds (no condition: always). */
  rules: z.array(z.strictObject({
    id: slug,
    when: z.array(conditionSchema).default([]),
    read: z.array(slug).default([]),
    steps: z.array(stepSchema).default([]),
  })),
});
export type ProfilerDefinition = z.infer<typeof profilerSchema>;
export type ProfilerStep = z.infer<typeof stepSchema>;

/** What the profiler reads of a case community: a content-schema `Community` fits; named by shape, as content-schema.ts imports this module. */
export type ProfiledCommunity = { id: string } & Record<ProfileFeature, string | boolean>;

/** Answers: question id → chosen option ids (one for a single-choice question). */
export type ProfilerAnswers = Record<string, string[]>;

export interface CommunityMatch {
  communityId: string;
  score: number;
  /** The features shared with this community, e.g. ['communityType:settlement']. */
  reasons: Array<{ feature: ProfileFeature; value: string }>;
}

export interface ProfilerPlan {
  profile: Partial<Record<ProfileFeature, string>>;
  matches: CommunityMatch[];
  hypotheses: ProfilerDefinition['hypotheses'];
  read: string[];
  steps: ProfilerStep[];
}

export type ProfilerResult = { ok: true; plan: ProfilerPlan } | { ok: false; problems: Array<{ question: string; message: 'missing' | 'unknown-option' | 'too-many' }> };

/** Checks answers against the questions: every required question answered, only known options. */
export function checkAnswers(def: ProfilerDefinition, answers: ProfilerAnswers): Extract<ProfilerResult, { ok: false }>['problems'] {
  const problems: Extract<ProfilerResult, { ok: false }>['problems'] = [];
  for (const q of def.questions) {
    const chosen = answers[q.id] ?? [];
    if (chosen.length === 0) {
      if (q.required) problems.push({ question: q.id, message: 'missing' });
      continue;
    }
    if (chosen.some((o) => !q.options.some((opt) => opt.id === o))) problems.push({ question: q.id, message: 'unknown-option' });
    else if (q.kind === 'single' && chosen.length > 1) problems.push({ question: q.id, message: 'too-many' });
  }
  for (const id of Object.keys(answers)) {
    if (!def.questions.some((q) => q.id === id)) problems.push({ question: id, message: 'unknown-option' });
  }
  return problems;
}

/** The community features implied by the answers (later questions refine earlier ones). */
export function profileOf(def: ProfilerDefinition, answers: ProfilerAnswers): ProfilerPlan['profile'] {
  const profile: ProfilerPlan['profile'] = {};
  for (const q of def.questions) {
    for (const optionId of answers[q.id] ?? []) {
      const option = q.options.find((o) => o.id === optionId);
      for (const [feature, value] of Object.entries(option?.sets ?? {})) profile[feature as ProfileFeature] = String(value);
    }
  }
  return profile;
}

function communityValue(c: ProfiledCommunity, feature: ProfileFeature): string {
  return String(c[feature]);
}

/** Case communities ranked by the weighted features they share with the profile; each with its reasons. */
export function matchCommunities(def: ProfilerDefinition, profile: ProfilerPlan['profile'], communities: readonly ProfiledCommunity[]): CommunityMatch[] {
  return communities
    .map((c) => {
      const reasons: CommunityMatch['reasons'] = [];
      let score = 0;
      for (const feature of PROFILE_FEATURES) {
        const wanted = profile[feature];
        const have = communityValue(c, feature);
        if (wanted === undefined || have === 'not-reported' || wanted !== have) continue;
        score += def.weights[feature] ?? 0;
        reasons.push({ feature, value: have });
      }
      return { communityId: c.id, score, reasons };
    })
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.communityId.localeCompare(b.communityId));
}

/** Turns complete answers into a plan, or says which answers are missing or wrong. Never a plan from bad input. */
export function buildPlan(def: ProfilerDefinition, answers: ProfilerAnswers, communities: readonly ProfiledCommunity[], maxMatches = 3): ProfilerResult {
  const problems = checkAnswers(def, answers);
  if (problems.length > 0) return { ok: false, problems };
  const profile = profileOf(def, answers);
  const holds = (when: Partial<Record<ProfileFeature, string | boolean>>) =>
    Object.entries(when).every(([feature, value]) => profile[feature as ProfileFeature] === String(value));
  const read: string[] = [];
  const steps: ProfilerStep[] = [];
  for (const rule of def.rules) {
    const applies = rule.when.every((cond) => (answers[cond.question] ?? []).some((o) => cond.anyOf.includes(o)));
    if (!applies) continue;
    for (const id of rule.read) if (!read.includes(id)) read.push(id);
    steps.push(...rule.steps);
  }
  return {
    ok: true,
    plan: {
      profile,
      matches: matchCommunities(def, profile, communities).slice(0, maxMatches),
      hypotheses: def.hypotheses.filter((h) => holds(h.when)),
      read,
      steps,
    },
  };
}

/** Whether two sets of answers say the same thing, whatever order the questions and choices were answered in. */
export function sameAnswers(a: ProfilerAnswers, b: ProfilerAnswers): boolean {
  const canonical = (x: ProfilerAnswers) => JSON.stringify(Object.keys(x).filter((k) => x[k].length).sort().map((k) => [k, [...x[k]].sort()]));
  return canonical(a) === canonical(b);
}

/** A plan saved on the machine: only the answers are kept; the plan is recomputed from them. */
export const savedProfileSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(120),
  createdAt: z.string(),
  updatedAt: z.string(),
  answers: z.record(z.string().max(64), z.array(z.string().max(64)).max(20)),
});
export type SavedProfile = z.infer<typeof savedProfileSchema>;
