// README's configuration table, .env.example and src/config.ts must name the same variables (issue 14 item 5).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const VARIABLE = /^[A-Z][A-Z0-9_]*$/;

/**
 * Every variable config.ts reads, found in its source: `env.NAME`, `env['NAME']`, and each NAME literal handed to a
 * reader together with `env` (readNumber(env, 'PORT', ...), readSecret(env, mode, 'SESSION_SECRET', ...)).
 * A computed `env[x]` is allowed only where x is the reader's own parameter, so no read can hide from this list.
 */
function variablesReadByConfig(): { names: Set<string>; hiddenReads: string[] } {
  const source = ts.createSourceFile('config.ts', read('src/config.ts'), ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  const hiddenReads: string[] = [];
  const isEnv = (node: ts.Node) => ts.isIdentifier(node) && node.text === 'env';
  const where = (node: ts.Node) => `line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText()}`;

  function parametersOf(node: ts.Node): Set<string> {
    for (let scope = node.parent; scope; scope = scope.parent) {
      if (ts.isFunctionLike(scope)) return new Set(scope.parameters.map((p) => p.name.getText()));
    }
    return new Set();
  }

  function visit(node: ts.Node): void {
    if (ts.isPropertyAccessExpression(node) && isEnv(node.expression)) {
      names.add(node.name.text);
    } else if (ts.isElementAccessExpression(node) && isEnv(node.expression)) {
      const key = node.argumentExpression;
      if (ts.isStringLiteralLike(key)) names.add(key.text);
      else if (!(ts.isIdentifier(key) && parametersOf(node).has(key.text))) hiddenReads.push(where(node));
    } else if (ts.isCallExpression(node) && node.arguments.some(isEnv)) {
      for (const arg of node.arguments) if (ts.isStringLiteralLike(arg) && VARIABLE.test(arg.text)) names.add(arg.text);
    } else if (ts.isPropertyAccessExpression(node) && node.getText().startsWith('process.env.')) {
      hiddenReads.push(where(node));
    }
    ts.forEachChild(node, visit);
  }
  visit(source);
  return { names, hiddenReads };
}

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** Variables only the tests read (TEST_DATABASE_URL, E2E_PORT, CHROMIUM_PATH, FUZZ_*): from the test sources and runner configs. */
function variablesReadByTests(configNames: Set<string>): Set<string> {
  const files = [...filesUnder('test'), 'playwright.config.ts', 'vitest.config.ts'];
  const names = new Set<string>();
  for (const file of files) {
    for (const match of read(file).matchAll(/process\.env(?:\.([A-Z][A-Z0-9_]*)|\[['"]([A-Z][A-Z0-9_]*)['"]\])/g)) {
      const name = match[1] ?? match[2]!;
      if (!configNames.has(name)) names.add(name);
    }
  }
  return names;
}

/** The names in the first column of README's configuration table (a row may list several). */
function variablesInReadme(): Set<string> {
  const section = read('README.md').split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? '';
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    const firstCell = /^\|([^|]*)\|/.exec(line)?.[1] ?? '';
    for (const match of firstCell.matchAll(/`([^`]+)`/g)) if (VARIABLE.test(match[1]!)) names.add(match[1]!);
  }
  return names;
}

interface ExampleLine {
  name: string;
  value: string;
  commented: boolean;
}

/** `# NAME=value` lines of .env.example; a value may be quoted as in a dotenv file. */
function exampleLines(): ExampleLine[] {
  return read('.env.example')
    .split('\n')
    .flatMap((line) => {
      const match = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
      if (!match) return [];
      const raw = match[3]!.trim();
      const value = /^(['"]).*\1$/.test(raw) ? raw.slice(1, -1) : raw;
      return [{ name: match[2]!, value, commented: match[1] !== undefined }];
    });
}

const sorted = (names: Iterable<string>) => [...names].sort();
const missingFrom = (wanted: Set<string>, listed: Set<string>) => sorted([...wanted].filter((name) => !listed.has(name)));

describe('.env.example and the README configuration table', () => {
  const config = variablesReadByConfig();
  const testsOnly = variablesReadByTests(config.names);
  const readme = variablesInReadme();
  const lines = exampleLines();
  const example = new Set(lines.map((line) => line.name));

  it('finds every read of the environment in config.ts', () => {
    expect(config.hiddenReads).toEqual([]);
    // Each way config.ts reads a variable is seen: a reader call, a secret, a direct read, one inside a section.
    for (const name of ['PORT', 'SESSION_SECRET', 'HOST', 'MAIL_FROM', 'WORKERS_ENABLED']) expect(config.names).toContain(name);
    expect(testsOnly).toEqual(new Set(['TEST_DATABASE_URL', 'E2E_PORT', 'E2E_LOG_LEVEL', 'CHROMIUM_PATH', 'FUZZ_RUNS', 'FUZZ_SEED', 'CI']));
  });

  it('.env.example lists exactly the variables config.ts reads, once each', () => {
    expect({ missingFromEnvExample: missingFrom(config.names, example), notReadByConfig: missingFrom(example, config.names) }).toEqual({
      missingFromEnvExample: [],
      notReadByConfig: [],
    });
    expect(lines.length).toBe(example.size);
    expect(sorted(testsOnly).filter((name) => example.has(name))).toEqual([]);
  });

  it('README lists every variable config.ts and the tests read, and no other', () => {
    const known = new Set([...config.names, ...testsOnly]);
    expect({ missingFromReadme: missingFrom(known, readme), notReadByConfigOrTests: missingFrom(readme, known) }).toEqual({
      missingFromReadme: [],
      notReadByConfigOrTests: [],
    });
  });

  it('.env.example changes nothing when copied as it is, and each value it shows is the real default', () => {
    expect(lines.filter((line) => !line.commented).map((line) => line.name)).toEqual([]);
    const defaults = loadConfig({});
    for (const { name, value } of lines.filter((line) => line.value !== '')) {
      expect({ [name]: loadConfig({ [name]: value }) }).toEqual({ [name]: defaults });
    }
  });
});
