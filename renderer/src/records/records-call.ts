/** The renderer's typed client for the records host. */
import type { RecordsRequest, RecordsResults } from '../../../common/records/records-api.ts';
import { call } from '../bridge/index.ts';

export type Op = RecordsRequest['op'];
export type Req<O extends Op> = Extract<RecordsRequest, { op: O }>;

/** One request to the records host. A failure's message keeps the host's "[code|params] detail" form: see messageOf. */
export async function records<O extends Op>(request: Req<O>): Promise<RecordsResults[O]> {
  return (await call('records:call', request)) as RecordsResults[O];
}

export { messageOf } from './problem-text.ts';
