// Reads ring sizes: "size 7", "size 6.5", "a 7.5", "from a 6 to a 7" (number words are already digits).

export interface SizeFound {
  /** The size the customer wants (the target of a resize). */
  ringSize?: number;
  /** Every size mentioned, in order: several sizes make a resize complex. */
  sizes: number[];
  from?: number;
  rest: string;
}

const SIZE_NUMBER = '(\\d{1,2}(?:\\.(?:25|5|75))?)';
// "resize it from a 6 to a 7.5", "from size 5 to 9"
const FROM_TO = new RegExp(`\\bfrom (?:a |an |size |sz )?${SIZE_NUMBER} (?:to|into|->) (?:a |an |size |sz )?${SIZE_NUMBER}\\b(?!\\s?(?:k|\\$|dollars|bucks|grand))`, 'g');
// "size 7", "sizes 6 and 7", "ring size: 8", "sz 7", "us 7", "size is 6.5"
const EXPLICIT = new RegExp(`\\b(?:sizes?|sz|us)\\s?(?:is |was |of |=|:)?\\s?(?:a |an |us )?${SIZE_NUMBER}(?:\\s?(?:and|&|or|,)\\s?${SIZE_NUMBER})?\\b(?![.,]\\d)`, 'g');
// "i wear a 7", "fits a 6.5", "to a 8", "i'm a 7"
const WEARS = new RegExp(`\\b(?:wear|wears|fits?|am|i am|to|into|down to|up to|be|in) (?:a |an )${SIZE_NUMBER}\\b(?![.,]\\d)(?!\\s?(?:k|dollars|bucks|grand|%))`, 'g');
// A lone half size such as "7.5" reads as a ring size; whole numbers alone are too ambiguous.
const HALF_SIZE = /(?:^|[^\d$€£.,])(\d{1,2}\.(?:25|5|75))\b(?![.,]\d)(?!\s?(?:k|ct|carat|mm|dollars|bucks|%|grand))/g;

function validSize(value: number): boolean {
  return (value >= 2 && value <= 16) || (value >= 38 && value <= 76);
}

function collect(pattern: RegExp, text: string, onMatch: (match: RegExpExecArray) => number[]): { sizes: number[]; rest: string } {
  const sizes: number[] = [];
  const rest = text.replace(pattern, (...args: unknown[]) => {
    const groups = args.slice(0, -2) as string[];
    const match = Object.assign(groups, { index: 0, input: text }) as unknown as RegExpExecArray;
    const found = onMatch(match).filter(validSize);
    if (found.length === 0) return groups[0]!;
    sizes.push(...found);
    return ' __size__ ';
  });
  return { sizes, rest };
}

const numbers = (match: RegExpExecArray) => match.slice(1).filter((group): group is string => group !== undefined).map(Number);

export function extractRingSize(text: string): SizeFound {
  let from: number | undefined;
  const fromTo = collect(FROM_TO, text, (match) => {
    const [start, end] = numbers(match);
    if (start === undefined || end === undefined || !validSize(start) || !validSize(end)) return [];
    from = start;
    return [start, end];
  });
  const explicit = collect(EXPLICIT, fromTo.rest, numbers);
  const wears = collect(WEARS, explicit.rest, numbers);
  const half = collect(HALF_SIZE, wears.rest, numbers);
  const sizes = [...fromTo.sizes, ...explicit.sizes, ...wears.sizes, ...half.sizes];
  const ringSize = fromTo.sizes.length > 0 ? fromTo.sizes[fromTo.sizes.length - 1] : sizes[0];
  return { ringSize, sizes, from, rest: half.rest };
}
