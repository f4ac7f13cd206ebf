// ISO 4217 currency codes as this runtime's Intl knows them: a code outside the list cannot be formatted (RangeError).

const CURRENCY_CODES = new Set(Intl.supportedValuesOf('currency'));

export function isCurrencyCode(code: string): boolean {
  return CURRENCY_CODES.has(code);
}
