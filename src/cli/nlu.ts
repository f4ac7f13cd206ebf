// `aurora nlu predict` (one JSON line per input line), `aurora nlu eval FILE` (scores a labelled JSONL file), `aurora nlu train`.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createEngine, evaluate, INTENTS, serializeIntentModel, trainUnderstanding, type Entities, type EvaluationReport, type Intent } from '../engine';
import { DEFAULT_TRAINING_EXAMPLES } from '../engine/nlu/corpus';
import type { CliIo } from './main';
import { fromRoot } from '../project-root';


const USAGE = [
  'usage: aurora nlu predict < messages.txt      one JSON line per message',
  '       aurora nlu eval PATH...                score labelled lines of {"text","intent"}: one file in detail,',
  '                                              or several files / folders of *.jsonl as one line per set',
  '       aurora nlu train                       retrain data/nlu/model.json from the corpus in data/nlu/',
  '',
].join('\n');
const MODEL_FILE = fromRoot('data', 'nlu', 'model.json');

export async function runNluCommand(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'predict') return predict(io);
  if (command === 'eval' && rest.length > 0) return evaluateSets(rest, io);
  if (command === 'train') return train(io);
  io.stderr.write(USAGE);
  return 2;
}

async function predict(io: CliIo): Promise<number> {
  const engine = createEngine();
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    // The contract echoes the text as it would be stored: card numbers masked.
    const { text, intent, confidence, entities } = engine.understand(line.replace(/\r$/, ''));
    io.stdout.write(`${JSON.stringify({ text, intent, confidence, entities: contractEntities(entities) })}\n`);
  }
  return 0;
}

/**
 * The entity keys of the public predict contract (DESIGN.md). Keys the engine adds for its own use (e.g. `style`)
 * stay out, so a caller comparing entities exactly is not broken by a new one.
 */
const CONTRACT_ENTITY_KEYS = ['category', 'metal', 'stone', 'priceMin', 'priceMax', 'orderNumber', 'email', 'ringSize'] as const;

function contractEntities(entities: Entities): Partial<Entities> {
  return Object.fromEntries(CONTRACT_ENTITY_KEYS.filter((key) => entities[key] !== undefined).map((key) => [key, entities[key]]));
}

async function train(io: CliIo): Promise<number> {
  const started = performance.now();
  const model = serializeIntentModel(trainUnderstanding(DEFAULT_TRAINING_EXAMPLES));
  await writeFile(MODEL_FILE, `${JSON.stringify(model)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.stdout.write(`trained on ${DEFAULT_TRAINING_EXAMPLES.length} examples in ${seconds} s: ${model.features.length} features → ${MODEL_FILE}\n`);
  return 0;
}

/** The labelled sets named by the arguments: files as given, folders as their *.jsonl files (sorted). */
async function labelledFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if (!(await stat(path)).isDirectory()) files.push(path);
    else files.push(...(await readdir(path)).filter((name) => name.endsWith('.jsonl')).sort().map((name) => join(path, name)));
  }
  return files;
}

async function evaluateSets(paths: string[], io: CliIo): Promise<number> {
  const sets: { path: string; examples: { text: string; intent: Intent }[] }[] = [];
  try {
    for (const path of await labelledFiles(paths)) sets.push({ path, examples: parseLabelled(await readFile(path, 'utf8')) });
    if (sets.length === 0) throw new Error(`no .jsonl files in ${paths.join(', ')}`);
  } catch (error) {
    io.stderr.write(`aurora nlu eval: ${(error as Error).message}\n`);
    return 1;
  }
  const engine = createEngine();
  const classify = (text: string) => engine.understand(text).intent;
  const [only] = sets;
  if (sets.length === 1 && only) {
    io.stdout.write(formatReport(only.path, evaluate(only.examples, classify)));
    return 0;
  }
  // Several sets are reported one line each (and all together), so no set's score hides in another's.
  const rows = sets.map(({ path, examples }) => ({ name: path, report: evaluate(examples, classify) }));
  rows.push({ name: 'all sets', report: evaluate(sets.flatMap((set) => set.examples), classify) });
  const width = Math.max(...rows.map((row) => row.name.length), 3);
  const lines = [
    `${'set'.padEnd(width)}  examples  accuracy  macro-F1  out-of-scope recall`,
    ...rows.map(({ name, report }) =>
      `${name.padEnd(width)}  ${String(report.total).padStart(8)}  ${percent(report.accuracy).padStart(8)}  ${percent(report.macroF1).padStart(8)}  ${report.outOfScopeRecall === undefined ? 'n/a' : percent(report.outOfScopeRecall)}`,
    ),
    '',
    ...rows.slice(0, -1).flatMap(({ name, report }) => [
      `${name}: top confusions (expected → predicted)`,
      ...report.confusions.slice(0, 5).map((c) => `  ${String(c.count).padStart(3)}  ${c.expected} → ${c.predicted}   e.g. "${c.example}"`),
    ]),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function parseLabelled(content: string): { text: string; intent: Intent }[] {
  return content
    .split('\n')
    .map((line, index) => [line.trim(), index + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, lineNumber]) => {
      const row = JSON.parse(line) as { text?: unknown; intent?: unknown };
      if (typeof row.text !== 'string' || !INTENTS.includes(row.intent as Intent)) {
        throw new Error(`line ${lineNumber}: expected {"text": string, "intent": one of ${INTENTS.join(', ')}}`);
      }
      return { text: row.text, intent: row.intent as Intent };
    });
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function formatReport(path: string, report: EvaluationReport): string {
  const lines = [
    `${path}: ${report.total} examples`,
    `accuracy           ${percent(report.accuracy)}`,
    `macro-F1           ${percent(report.macroF1)}`,
    `out-of-scope recall ${report.outOfScopeRecall === undefined ? 'n/a (no out_of_scope rows)' : percent(report.outOfScopeRecall)}`,
    '',
    'intent               support  precision  recall     F1',
    ...report.perIntent.map(
      (score) =>
        `${score.intent.padEnd(20)} ${String(score.support).padStart(7)}  ${percent(score.precision).padStart(9)}  ${percent(score.recall).padStart(6)} ${percent(score.f1).padStart(6)}`,
    ),
    '',
    'top confusions (expected → predicted):',
    ...report.confusions.slice(0, 10).map((c) => `  ${String(c.count).padStart(3)}  ${c.expected} → ${c.predicted}   e.g. "${c.example}"`),
  ];
  return `${lines.join('\n')}\n`;
}
