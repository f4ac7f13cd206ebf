import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './testing';

const run = (args: string[], input = '') => runCaptured(args, { stdin: input });

describe('aurora nlu (the CLI contract)', () => {
  it('predict writes one JSON object per input line with text, intent, confidence and entities', async () => {
    const { code, out } = await run(['nlu', 'predict'], 'rose gold hoops under 300\nwhere is my order #104233\nwhat is the weather on mars\n');
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ text: 'rose gold hoops under 300', intent: 'product_search', confidence: expect.any(Number), entities: { category: 'earrings', metal: 'rose_gold', priceMax: 300 } });
    expect(lines[1]).toMatchObject({ intent: 'order_tracking', entities: { orderNumber: 'GG-104233' } });
    expect(lines[2].intent).toBe('out_of_scope');
    for (const line of lines) expect(line.confidence).toBeGreaterThanOrEqual(0), expect(line.confidence).toBeLessThanOrEqual(1);
  });

  it('eval scores a labelled file: accuracy, macro-F1, per-intent precision/recall, out-of-scope recall', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-')), 'set.jsonl');
    fs.writeFileSync(file, ['{"text":"show me rings","intent":"product_search"}', '{"text":"hi there","intent":"greeting"}', '{"text":"how do I bake bread","intent":"out_of_scope"}'].join('\n'));
    const { code, out } = await run(['nlu', 'eval', file]);
    expect(code).toBe(0);
    expect(out).toMatch(/accuracy/i);
    expect(out).toMatch(/macro-F1/i);
    expect(out).toMatch(/out-of-scope recall/i);
    expect(out).toMatch(/product_search/);
  });

  it('eval of a folder reports each set on its own line and all sets together', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-sets-'));
    fs.writeFileSync(path.join(dir, 'a.jsonl'), '{"text":"show me rings","intent":"product_search"}\n{"text":"hi there","intent":"greeting"}\n');
    fs.writeFileSync(path.join(dir, 'b.jsonl'), '{"text":"how do I bake bread","intent":"out_of_scope"}\n');
    fs.writeFileSync(path.join(dir, 'README.md'), 'not a set');
    const { code, out } = await run(['nlu', 'eval', dir]);
    expect(code).toBe(0);
    const row = (name: string) => out.split('\n').find((line) => line.startsWith(name));
    expect(row(path.join(dir, 'a.jsonl'))).toMatch(/\s2\s+100\.0%/);
    expect(row(path.join(dir, 'b.jsonl'))).toMatch(/\s1\s+100\.0%.*100\.0%$/);
    expect(row('all sets')).toMatch(/\s3\s+100\.0%/);
    expect(out).not.toMatch(/README/);
  });

  it('eval of a folder without sets is an error that names it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-empty-'));
    const { code, err } = await run(['nlu', 'eval', dir]);
    expect(code).toBe(1);
    expect(err).toContain(dir);
  });

  it('an unknown subcommand is a usage error, not a crash', async () => {
    const { code } = await run(['nlu', 'dance']);
    expect(code).toBeGreaterThan(0);
  });
});
