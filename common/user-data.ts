/**
 * What the reader creates and keeps on this machine (saved profiler plans, bookmarks
 * and notes, workshops): one schema per kind, checked by the host before anything is stored.
 */
import { z } from 'zod';
import { savedProfileSchema } from './profiler.ts';
import { readerDataSchema } from './reader-data.ts';
import { EMPTY_READER_DATA } from './reader-marks.ts';
import { savedWorkshopsSchema } from './workshops/agenda.ts';

export const userDataSchemas = {
  'profiler-plans': z.array(savedProfileSchema).max(200),
  'reader-data': readerDataSchema,
  workshops: savedWorkshopsSchema,
} as const;

export type UserDataKey = keyof typeof userDataSchemas;
export type UserData<K extends UserDataKey> = z.infer<(typeof userDataSchemas)[K]>;
export const USER_DATA_KEYS = Object.keys(userDataSchemas) as UserDataKey[];

export const userDataDefaults: { [K in UserDataKey]: UserData<K> } = {
  'profiler-plans': [],
  'reader-data': EMPTY_READER_DATA,
  workshops: [],
};

export const userDataKeySchema = z.enum(USER_DATA_KEYS as [UserDataKey, ...UserDataKey[]]);

/** The argument of `userdata:set`: a key and a value that must match that key's schema. */
export const userDataWriteSchema = z.discriminatedUnion(
  'key',
  USER_DATA_KEYS.map((key) => z.strictObject({ key: z.literal(key), value: userDataSchemas[key] })) as unknown as [
    z.ZodObject<{ key: z.ZodLiteral<UserDataKey>; value: z.ZodType }>,
  ],
);
export type UserDataWrite = { [K in UserDataKey]: { key: K; value: UserData<K> } }[UserDataKey];

/** Stored data read through its schema; anything unreadable gives the empty default, never a crash. */
export function readUserData<K extends UserDataKey>(key: K, raw: unknown): UserData<K> {
  const parsed = userDataSchemas[key].safeParse(raw);
  return (parsed.success ? parsed.data : userDataDefaults[key]) as UserData<K>;
}
