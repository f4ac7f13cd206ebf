// Reads a JSON text column (state, blocks, transcript snapshots): a missing or damaged value gives the fallback.

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
