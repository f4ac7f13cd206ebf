// CSV cells: quoting per RFC 4180 and no formula a spreadsheet would run.
import { describe, expect, it } from 'vitest';
import { csvCell, EXPORT_LIMIT, exportRowsWithin, toCsv } from './csv';

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('Ortiz, Lena')).toBe('"Ortiz, Lena"');
    expect(csvCell('She said "worst"')).toBe('"She said ""worst"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell('plain')).toBe('plain');
  });

  it('turns a cell that a spreadsheet would run as a formula into text', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csvCell('+1 555 0100')).toBe("'+1 555 0100");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers (a negative number is not text) and empty for null', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(4.5)).toBe('4.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});

describe('toCsv', () => {
  it('writes a header and rows with CRLF and a UTF-8 byte-order mark', () => {
    expect(toCsv(['id', 'name'], [[1, 'Ava'], [2, 'Zoë, "Z"']])).toBe('\uFEFFid,name\r\n1,Ava\r\n2,"Zoë, ""Z"""\r\n');
  });
});

describe('exportRowsWithin', () => {
  it('passes an export up to the limit and refuses a bigger one with a 400 saying to narrow it (never a silently cut file)', () => {
    const rows = Array.from({ length: EXPORT_LIMIT }, (_, i) => i);
    expect(exportRowsWithin(rows, 'tickets')).toBe(rows);
    expect(() => exportRowsWithin([...rows, EXPORT_LIMIT], 'tickets')).toThrow(expect.objectContaining({ code: 'invalid_request', message: expect.stringMatching(/More than 10,000 tickets match: narrow the filters/) }));
    expect(() => exportRowsWithin([1, 2, 3], 'ratings', 2)).toThrow(/More than 2 ratings match/);
  });
});
