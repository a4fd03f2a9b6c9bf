import { describe, expect, it } from 'vitest';
import { filterModules, NO_MODULE_FILTER, type ModuleFilter } from '../../common/workshops/module-filter.ts';
import type { WorkshopModule } from '../../common/workshops/module-schema.ts';

type Shape = Pick<WorkshopModule, 'id' | 'audience' | 'ageGroups' | 'communityTypes'> & { minutes: number[]; en: string; es: string };

function module({ id, audience, ageGroups, communityTypes, minutes, en, es }: Shape): WorkshopModule {
  const text = (title: string) => ({ title, summary: `${title} summary`, objectives: [`understand ${title}`], materials: ['m'], discussionQuestions: ['q'], takeHome: 't', adapt: 'a', handout: { title: 'h', points: ['p'] } });
  return {
    id, audience, order: 1, ageGroups, communityTypes, en: text(en), es: text(es),
    steps: minutes.map((m) => ({ minutes: m, method: 'discussion', en: { title: 's', instructions: 'i' }, es: { title: 's', instructions: 'i' } })),
    sources: [{ src: 'ipec-eval-2005', at: '§70' }],
  };
}

const modules = [
  module({ id: 'play', audience: 'children', ageGroups: ['early', 'under14'], communityTypes: ['all'], minutes: [30, 30], en: 'Games about school', es: 'Juegos sobre la escuela' }),
  module({ id: 'risks', audience: 'adolescents', ageGroups: ['14to17'], communityTypes: ['settlement'], minutes: [60, 60], en: 'Mercury and tunnels', es: 'El mercurio y los socavones' }),
  module({ id: 'parents', audience: 'parents', ageGroups: ['all'], communityTypes: ['urban'], minutes: [45, 45, 60], en: 'Why children study', es: 'Por qué los niños estudian' }),
];
const kept = (patch: Partial<ModuleFilter>, lang: 'en' | 'es' = 'en') => filterModules(modules, { ...NO_MODULE_FILTER, ...patch }, lang).map((m) => m.id);

describe('workshop module filter (catalogue and builder)', () => {
  it('keeps every module when nothing is chosen', () => {
    expect(kept({})).toEqual(['play', 'risks', 'parents']);
  });

  it('keeps one audience', () => {
    expect(kept({ audience: 'adolescents' })).toEqual(['risks']);
  });

  it('keeps the modules for an age group, and those for all ages', () => {
    expect(kept({ ageGroup: 'under14' })).toEqual(['play', 'parents']);
    expect(kept({ ageGroup: '14to17' })).toEqual(['risks', 'parents']);
  });

  it('keeps the modules for a kind of community, and those for every community', () => {
    expect(kept({ communityType: 'urban' })).toEqual(['play', 'parents']);
    expect(kept({ communityType: 'settlement' })).toEqual(['play', 'risks']);
  });

  it('keeps modules no longer than the length chosen', () => {
    expect(kept({ maxMinutes: 60 })).toEqual(['play']);
    expect(kept({ maxMinutes: 120 })).toEqual(['play', 'risks']);
    expect(kept({ maxMinutes: 180 })).toEqual(['play', 'risks', 'parents']);
  });

  it('finds words in the reader\'s language, case and accents aside', () => {
    expect(kept({ query: 'MERCURY' })).toEqual(['risks']);
    expect(kept({ query: 'por que los ninos' }, 'es')).toEqual(['parents']);
    expect(kept({ query: 'mercurio' }, 'en'), 'a Spanish word does not match the English text').toEqual([]);
    expect(kept({ query: '  school ' })).toEqual(['play']);
  });

  it('every choice must hold at once', () => {
    expect(kept({ audience: 'children', maxMinutes: 60, query: 'games' })).toEqual(['play']);
    expect(kept({ audience: 'children', communityType: 'urban', ageGroup: '14to17' })).toEqual([]);
  });
});
