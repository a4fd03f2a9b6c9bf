/** content/profiler.yaml: its schema, then every reference in it (questions, options, chapters, sources, feature values). */
import { profilerSchema, type ProfileFeature, type ProfilerDefinition } from '../../common/profiler.ts';
import type { ContentProblem } from './content-error.ts';
import { citationProblem, type LocatorVocabulary } from './check-locators.ts';
import { readTopYamlFile } from './yaml-files.ts';

const FEATURE_VALUES: Record<ProfileFeature, readonly string[]> = {
  communityType: ['settlement', 'urban'],
  organisation: ['property-equality', 'property-inequality'],
  workRelations: ['formal', 'informal'],
  sizeBand: ['small', 'medium', 'large'],
  partOfLargerComplex: ['true', 'false'],
};

/** The profiler, or null when content/ has none; its problems go to `problems`. */
export function loadProfiler(root: string, vocabularies: Map<string, LocatorVocabulary>, chapterExists: (id: string) => boolean, problems: ContentProblem[]): ProfilerDefinition | null {
  const parsed = readTopYamlFile(root, 'profiler.yaml', profilerSchema, problems, { optional: true });
  if (!parsed) return null;
  const def = parsed.record;
  const at = (p: PropertyKey[], message: string) => problems.push({ file: parsed.file, line: parsed.lineOf(p), message });
  const checkSets = (sets: Record<string, unknown> | undefined, p: PropertyKey[]) => {
    for (const [feature, value] of Object.entries(sets ?? {})) {
      if (!FEATURE_VALUES[feature as ProfileFeature].includes(String(value))) at([...p, feature], `profiler field "${feature}": "${String(value)}" is not one of ${FEATURE_VALUES[feature as ProfileFeature].join(', ')}`);
    }
  };
  const seen = new Set<string>();
  def.questions.forEach((q, qi) => {
    if (seen.has(q.id)) at(['questions', qi, 'id'], `profiler: question id "${q.id}" is used twice`);
    seen.add(q.id);
    q.options.forEach((o, oi) => checkSets(o.sets, ['questions', qi, 'options', oi, 'sets']));
  });
  def.hypotheses.forEach((h, hi) => {
    checkSets(h.when, ['hypotheses', hi, 'when']);
    if (!vocabularies.has(h.cite.src)) at(['hypotheses', hi, 'cite', 'src'], `profiler: unknown source id "${h.cite.src}"`);
    const locator = citationProblem(vocabularies, h.cite.src, h.cite.at);
    if (locator) at(['hypotheses', hi, 'cite', 'at'], `profiler field "hypotheses[${hi}].cite.at": ${locator}`);
  });
  def.rules.forEach((r, ri) => {
    r.when.forEach((c, ci) => {
      const q = def.questions.find((x) => x.id === c.question);
      if (!q) at(['rules', ri, 'when', ci, 'question'], `profiler rule "${r.id}": no question "${c.question}"`);
      else c.anyOf.forEach((o, oi) => {
        if (!q.options.some((x) => x.id === o)) at(['rules', ri, 'when', ci, 'anyOf', oi], `profiler rule "${r.id}": question "${q.id}" has no option "${o}"`);
      });
    });
    r.read.forEach((id, i) => {
      if (!chapterExists(id)) at(['rules', ri, 'read', i], `profiler rule "${r.id}": no chapter "${id}"`);
    });
    r.steps.forEach((s, si) => {
      if (!s.cite) return;
      if (!vocabularies.has(s.cite.src)) at(['rules', ri, 'steps', si, 'cite', 'src'], `profiler rule "${r.id}": unknown source id "${s.cite.src}"`);
      const locator = citationProblem(vocabularies, s.cite.src, s.cite.at);
      if (locator) at(['rules', ri, 'steps', si, 'cite', 'at'], `profiler field "rules[${ri}].steps[${si}].cite.at": ${locator}`);
    });
  });
  return def;
}
