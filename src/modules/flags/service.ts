// Global feature flags stored in the database (e.g. widget_enabled), so every instance sees one value.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { invalid } from '../../errors';

export const FLAG_DEFAULTS = { widget_enabled: true } as const;
export type FlagName = keyof typeof FLAG_DEFAULTS;

/**
 * How long an instance answers from its own copy of a flag. The widget API reads widget_enabled on every
 * request; a switch made on another instance (or with `aurora flags set`) applies here within this bound,
 * on the instance that made it at once.
 */
export const FLAG_CACHE_MS = 5_000;

export interface FlagCacheOptions {
  cacheMs?: number;
  /** Monotonic milliseconds (tests step it); the wall clock `now` can jump and is frozen in some tests. */
  clock?: () => number;
}

export function isFlagName(name: string): name is FlagName {
  return Object.hasOwn(FLAG_DEFAULTS, name);
}

export function createFlagService(db: Kysely<Database>, now: () => Date = () => new Date(), cache: FlagCacheOptions = {}) {
  const cacheMs = cache.cacheMs ?? FLAG_CACHE_MS;
  const clock = cache.clock ?? (() => performance.now());
  // One read in flight per flag: a burst of requests after expiry waits for the same query.
  const copies = new Map<FlagName, { value: Promise<boolean>; until: number }>();

  const read = async (name: FlagName): Promise<boolean> => {
    const row = await db.selectFrom('feature_flags').select('enabled').where('name', '=', name).executeTakeFirst();
    return row ? row.enabled === 1 : FLAG_DEFAULTS[name];
  };

  return {
    isEnabled(name: FlagName): Promise<boolean> {
      const copy = copies.get(name);
      if (copy && clock() < copy.until) return copy.value;
      const value = read(name);
      copies.set(name, { value, until: clock() + cacheMs });
      // A failed read is not remembered: the next request asks the database again.
      value.catch(() => {
        if (copies.get(name)?.value === value) copies.delete(name);
      });
      return value;
    },

    async list(): Promise<{ name: FlagName; enabled: boolean; updatedAt: string | null; updatedBy: string | null }[]> {
      const rows = await db.selectFrom('feature_flags').selectAll().execute();
      return (Object.keys(FLAG_DEFAULTS) as FlagName[]).map((name) => {
        const row = rows.find((r) => r.name === name);
        return { name, enabled: row ? row.enabled === 1 : FLAG_DEFAULTS[name], updatedAt: row?.updated_at ?? null, updatedBy: row?.updated_by ?? null };
      });
    },

    async set(name: string, enabled: boolean, by: string | null = null): Promise<void> {
      if (!isFlagName(name)) throw invalid(`Unknown flag "${name}". Known flags: ${Object.keys(FLAG_DEFAULTS).join(', ')}.`);
      const values = { name, enabled: enabled ? 1 : 0, updated_at: now().toISOString(), updated_by: by };
      await db
        .insertInto('feature_flags')
        .values(values)
        .onConflict((oc) => oc.column('name').doUpdateSet({ enabled: values.enabled, updated_at: values.updated_at, updated_by: values.updated_by }))
        .execute();
      copies.delete(name);
    },
  };
}

export type FlagService = ReturnType<typeof createFlagService>;
