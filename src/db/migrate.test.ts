// The retry around Kysely's migrator: on PostgreSQL only the race its introspection has with a schema dropped by
// another client is retried, never a failure of our own schema or a migration's error.
import { describe, expect, it } from 'vitest';
import { anotherSchemaDropped } from './migrate';

describe('migrateToLatest on PostgreSQL retries only when another schema vanished mid-introspection', () => {
  it('retries for a schema that is not ours (CI: a parallel test file dropped its own)', () => {
    expect(anotherSchemaDropped(new Error('Migration  failed: schema "t_d714d63753b9" does not exist'), 't_0a1b2c3d4e5f')).toBe(true);
    expect(anotherSchemaDropped(new Error('schema "t_d714d63753b9" does not exist'), undefined)).toBe(true);
  });
  it('does not retry when our own schema is missing, or for any other error', () => {
    expect(anotherSchemaDropped(new Error('Migration  failed: schema "t_0a1b2c3d4e5f" does not exist'), 't_0a1b2c3d4e5f')).toBe(false);
    expect(anotherSchemaDropped(new Error('Migration 046_llm_turns failed: relation "llm_turns" already exists'), 't_0a1b2c3d4e5f')).toBe(false);
    expect(anotherSchemaDropped('connection refused', undefined)).toBe(false);
  });
});
