// The shop's own FAQ articles (W12): a JSON file it edits, read and checked once at start.
import fs from 'node:fs';
import { ConfigError } from '../../config';
import { unknownPlaceholders, type FaqArticle, type WidgetFlow } from '../../engine/index';

const FLOWS: readonly WidgetFlow[] = ['order', 'return', 'stylist', 'products'];

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.trim().length > 0 && value.length <= max;

/** Reads `[{id, title, body, keywords?, links?, opens?}]`; a bad file stops start-up with the article and field named. */
export function loadKnowledgeBase(file: string, variable = 'KNOWLEDGE_BASE_FILE'): FaqArticle[] {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(variable, `could not be read as JSON (${file}): ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(data) || data.length === 0) throw new ConfigError(variable, `must name a JSON array of articles (${file})`);
  const ids = new Set<string>();
  return data.map((raw, index) => {
    const a = raw as Partial<FaqArticle>;
    const where = `article ${index + 1}${typeof a.id === 'string' ? ` ("${a.id}")` : ''} in ${file}`;
    if (!isText(a.id, 80) || !/^[a-z0-9-]+$/.test(a.id)) throw new ConfigError(variable, `${where}: "id" must be lower-case letters, digits and -`);
    if (ids.has(a.id)) throw new ConfigError(variable, `${where}: the id appears twice`);
    ids.add(a.id);
    if (!isText(a.title, 200)) throw new ConfigError(variable, `${where}: "title" is required (at most 200 characters)`);
    if (!isText(a.body, 4000)) throw new ConfigError(variable, `${where}: "body" is required (at most 4000 characters)`);
    const unknown = unknownPlaceholders(a.body);
    if (unknown.length) throw new ConfigError(variable, `${where}: "body" names {${unknown[0]}}; the lead times it may name are {readyToShip} and {madeToOrder}`);
    if (a.keywords !== undefined && (!Array.isArray(a.keywords) || !a.keywords.every((k) => isText(k, 80)))) throw new ConfigError(variable, `${where}: "keywords" must be a list of words`);
    if (a.links !== undefined && (!Array.isArray(a.links) || !a.links.every((l) => isText(l?.label, 80) && isText(l?.href, 500) && /^(\/|https?:\/\/)/.test(l.href)))) {
      throw new ConfigError(variable, `${where}: "links" must be [{"label", "href"}] with a path or http(s) URL`);
    }
    if (a.opens !== undefined && (!Array.isArray(a.opens) || !a.opens.every((flow) => FLOWS.includes(flow)))) {
      throw new ConfigError(variable, `${where}: "opens" must be a list of widget flows (${FLOWS.join(', ')})`);
    }
    return { id: a.id, title: a.title, body: a.body, ...(a.keywords && { keywords: a.keywords }), ...(a.links && { links: a.links }), ...(a.opens && { opens: [...new Set(a.opens)] }) };
  });
}
