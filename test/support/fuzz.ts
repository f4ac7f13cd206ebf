// Generators of bad requests for the fuzz test: values that lie about their type, and requests shaped by a
// route's own schema with some of their values replaced by bad ones (so they get past the first check).
import fc from 'fast-check';

/** A JSON-schema node as TypeBox emits it (only what the generators read). */
export interface SchemaNode {
  type?: string | string[];
  const?: unknown;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** JSON cannot spell Infinity: this marker becomes a bare 1e999 in the encoded body, which JSON.parse reads as Infinity. */
const HUGE = '@@fuzz-1e999@@';

const badStrings = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  'Infinity',
  '-Infinity',
  'NaN',
  '1e999',
  '-1e999',
  '9007199254740993',
  '99999999999999999999999',
  '-1',
  '0',
  '1.5',
  '0x10',
  '',
  ' ',
  'true',
  'null',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '\ud800',
  '\u202eevil',
  '👩‍👩‍👧‍👦💍',
  '%00',
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  'GG-104233\u0000',
  'a'.repeat(5000),
  '\u0000'.repeat(300),
);

const badNumbers = fc.oneof(
  fc.constantFrom(HUGE, -0, 1e20, 2 ** 31, 2 ** 53 + 2, -(2 ** 53) - 2, -1, 0, 1.5, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Any bad value: wrong types, numbers that are not, strings with NUL, deep nesting, prototype keys. */
export const badValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    badStrings,
    badNumbers,
    fc.constantFrom(true, false, null),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'a\u0000b'), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 3 }),
  ),
})).value;

const FORMAT_SAMPLES: Record<string, string[]> = {
  email: ['ava.martinez@example.com', 'x@y.co'],
  'date-time': ['2026-11-20T15:00:00.000Z', '2026-11-19T10:00:00Z'],
  date: ['2026-11-25'],
  uri: ['https://carrier.example/track/1'],
};

function stringArb(node: SchemaNode): fc.Arbitrary<string> {
  if (node.format && FORMAT_SAMPLES[node.format]) return fc.constantFrom(...FORMAT_SAMPLES[node.format]!);
  const min = node.minLength ?? 0;
  const max = Math.min(node.maxLength ?? 40, 60);
  if (node.pattern) {
    return fc.stringMatching(new RegExp(node.pattern)).filter((s) => s.length >= min && s.length <= (node.maxLength ?? Infinity));
  }
  return fc.string({ minLength: Math.min(min, max), maxLength: max, unit: 'grapheme' });
}

/** A value that fits `node` (as far as these generators know JSON schema), for the parts of a request that are not under attack. */
export function validValue(node: SchemaNode | undefined, known: Record<string, fc.Arbitrary<unknown>> = {}, name = ''): fc.Arbitrary<unknown> {
  if (!node) return badValue;
  if (name && known[name]) return fc.oneof(known[name]!, plausible(node, known));
  return plausible(node, known);
}

function plausible(node: SchemaNode, known: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  if ('const' in node) return fc.constant(node.const);
  const union = node.anyOf ?? node.oneOf;
  if (union) return fc.oneof(...union.map((n) => validValue(n, known)));
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  switch (type) {
    case 'string':
      return stringArb(node);
    case 'integer':
      return fc.integer({ min: Math.max(node.minimum ?? -1000, -(2 ** 31)), max: Math.min(node.maximum ?? 1000, 2 ** 31 - 1) });
    case 'number':
      return fc.double({ min: node.minimum ?? -1000, max: node.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validValue(node.items, known), { minLength: node.minItems ?? 0, maxLength: Math.min(node.maxItems ?? 3, 3) });
    case 'object': {
      const properties = node.properties ?? {};
      const shape = Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, mutated(child, known, key)]));
      return fc.record(shape, { requiredKeys: (node.required ?? []).filter((key) => key in shape) });
    }
    default:
      return badValue;
  }
}

const numberLies = fc.constantFrom<unknown>(HUGE, 'Infinity', '1e999', '-1e999', 1e20, 2 ** 31, 2 ** 53 + 2, '9007199254740993', 'NaN', 1.5, -1);

/** A value for a field of a form the fuzzer knows only by name: plain good text, a number that lies, or anything bad. */
export const formValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('1', '2', '0', 'Ava', 'GG-104233', 'ava.martinez@example.com', 'US', '10012'),
  numberLies,
  badValue,
);

/** Nearly right: what fits the schema's type but lies (a NUL inside a good string, Infinity or huge for a number). */
function sneaky(node: SchemaNode | undefined, known: Record<string, fc.Arbitrary<unknown>>, name: string): fc.Arbitrary<unknown> {
  const type = node && (Array.isArray(node.type) ? node.type[0] : node.type);
  if (type === 'integer' || type === 'number') return numberLies;
  if (type !== 'string') return badValue;
  return fc
    .tuple(validValue(node, known, name), fc.nat(), fc.constantFrom('\u0000', '\u0000\u0000', '\ud800'))
    .map(([good, at, bad]) => {
      const text = String(good);
      const i = at % (text.length + 1);
      return text.slice(0, i) + bad + text.slice(i);
    });
}

/** Mostly what the schema wants, with nearly-right and bad values mixed in at every level. */
export function mutated(node: SchemaNode | undefined, known: Record<string, fc.Arbitrary<unknown>> = {}, name = ''): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: validValue(node, known, name) },
    { weight: 2, arbitrary: sneaky(node, known, name) },
    { weight: 1, arbitrary: badValue },
  );
}

/** JSON text of `value`, with the Infinity marker written as 1e999. */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? HUGE : v)).replaceAll(`"${HUGE}"`, '1e999');
}

/** A query string or path segment: any value flattened to text (Infinity spelled as 1e999). */
export function asText(value: unknown): string {
  if (value === HUGE) return '1e999';
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  return encodeJson(value);
}

/** Percent-encodes the UTF-8 bytes of any string (a lone surrogate, which encodeURIComponent refuses, becomes U+FFFD). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0').toUpperCase()}`)).join('');
}

/** URL-encoded pairs for a query or a form body; arrays repeat their key. */
export function encodeForm(value: unknown): string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return `value=${percentEncode(asText(value))}`;
  const pairs: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    for (const item of Array.isArray(v) ? v : [v]) if (item !== undefined) pairs.push(`${percentEncode(key)}=${percentEncode(asText(item))}`);
  }
  return pairs.join('&');
}
