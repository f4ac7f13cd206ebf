// Order numbers as customers and staff type them, and as they are stored ("GG-104233").

/** "gg104233", "#GG-104233", "GG 104233" → "GG-104233"; undefined when it is not an order number. */
export function normalizeOrderNumber(raw: string): string | undefined {
  const match = /^#?\s*([a-z]{2})[\s-]*(\d{4,8})$/i.exec(raw.trim());
  return match ? `${match[1]!.toUpperCase()}-${match[2]}` : undefined;
}
