import bundled from 'virtual:puente-records';
import type { ContentData } from '../../../common/content-schema.ts';

/** Typed records (glossary, case communities, profiler), in the chunk that chapters load. */
const records = bundled as Pick<ContentData, 'glossary' | 'communities' | 'profiler'>;

export const { glossary, communities, profiler } = records;
