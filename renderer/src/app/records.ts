import bundled from 'virtual:puente-records';
import type { ContentData } from '../../../common/content-schema.ts';

/** Typed records (glossary, case communities, profiler, instruments, indicators, workshop modules), in the chunk that chapters load. */
const records = bundled as Pick<ContentData, 'glossary' | 'communities' | 'profiler' | 'instruments' | 'indicators' | 'workshopModules'>;

export const { glossary, communities, profiler, instruments, indicators, workshopModules } = records;
