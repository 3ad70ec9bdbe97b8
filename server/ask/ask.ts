// A question in, its reading and the answer out. The names come from the search's full-text
// index: the question's words (letters and digits only, as search reads them) become one Lucene
// query per eight words in which each word may be missing, so the text never reaches Cypher as
// text. The answer is the tool's own route, run in-process (callRoute), so it is the same answer
// the tool's form gives.
import type { Reader } from '../db/database.ts';
import { luceneQuery, SearchCandidate } from '../graph/search.ts';
import { firstDay } from '../model/dates.ts';
import { recordedVersion } from '../curation/recorded.ts';
import type { Database } from '../db/database.ts';
import { z } from '../zod.ts';
import { tokenize, understand, type Reading, type Understanding } from './understand.ts';

const WORDS_PER_QUERY = 8;
const CANDIDATES_PER_QUERY = 150;

/** The nodes the question's words could name, with what the search's ranking needs. */
export async function poolFor(db: Reader, question: string): Promise<SearchCandidate[]> {
  const ws = [...new Set(tokenize(question).map((t) => t.folded))].filter((w) => w.length > 1 || /\d/.test(w));
  const seen = new Map<string, SearchCandidate>();
  for (let i = 0; i < ws.length; i += WORDS_PER_QUERY) {
    const lucene = luceneQuery(ws.slice(i, i + WORDS_PER_QUERY).join(' '), { partial: true });
    if (!lucene) continue;
    const rows = await db.read('search/search-nodes', { query: lucene, labels: null, candidates: CANDIDATES_PER_QUERY });
    for (const c of z.array(SearchCandidate).parse(rows)) if (!seen.has(c.node.id)) seen.set(c.node.id, c);
  }
  return [...seen.values()];
}

export async function read(db: Reader, question: string, today: string): Promise<Understanding> {
  return understand(question, await poolFor(db, question), { today });
}

/** Which tool answers a reading, with the input its route takes. */
export interface ToolCall {
  tool: 'representation' | 'chain' | 'paths' | 'common' | 'neighborhood' | 'diff';
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
}

/** The route call for a reading, or null when it has none (cannot answer). */
export async function toolFor(db: Database, r: Reading, lang: 'en' | 'sv'): Promise<ToolCall | null> {
  if (r.kind === 'cannot') return null;
  const role = (name: string) => r.entities.find((e) => e.role === name)?.id;
  const asOf: Record<string, string> = r.date?.kind === 'at' ? { asOf: r.date.date } : {};
  const defined = (o: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined));
  switch (r.kind) {
    case 'representation':
      return {
        tool: 'representation',
        path: '/api/representation',
        params: {},
        query: defined({ agent: role('agent'), principal: role('principal'), forum: role('forum'), ...asOf, lang }),
      };
    case 'chain-up':
    case 'chain-down':
      return {
        tool: 'chain',
        path: '/api/nodes/:id/mandate-chain',
        params: { id: role('subject')! },
        query: { direction: r.kind === 'chain-up' ? 'up' : 'down', ...asOf, lang },
      };
    case 'route':
      return {
        tool: 'paths',
        path: '/api/paths',
        params: {},
        query: { from: role('from')!, to: role('to')!, directed: String(r.directed), maxDepth: '8', ...asOf, lang },
      };
    case 'shared':
      return { tool: 'common', path: '/api/nodes/:id/common', params: { id: role('a')! }, query: { with: role('b')!, ...asOf } };
    case 'ties':
      if (r.date?.kind === 'between')
        return {
          tool: 'diff',
          path: '/api/diff',
          params: {},
          query: { fromDate: r.date.from, toDate: r.date.to, around: role('subject')! },
        };
      return { tool: 'neighborhood', path: '/api/nodes/:id/neighborhood', params: { id: role('subject')! }, query: { ...asOf } };
    case 'changed': {
      if (r.date?.kind !== 'since') return null;
      // The change log's version as it stood when that day began (UTC).
      const { version } = await recordedVersion(db, `${firstDay(r.date.date)}T00:00:00.000Z`, 'q');
      return { tool: 'diff', path: '/api/diff', params: {}, query: defined({ from: String(version), around: role('subject') }) };
    }
  }
}
