// The read-only Cypher console's first line of defence: a statement is refused before it
// reaches Neo4j when it names a clause or procedure that writes, changes the schema,
// administers the server, reads files or reaches another database. An EXPLAIN of the query
// type and Neo4j's READ transaction are the second and third lines.

import type { Database, Params } from '../db/database.ts';

export interface GuardVerdict {
  ok: boolean;
  reason?: string;
}

/**
 * The layers in front of the READ transaction. Each is tested with the ones before it switched
 * off, so removing any one of them fails a test.
 */
export interface ConsoleLayers {
  /** By the statement's words, before Neo4j sees it. */
  keywordGuard: (cypher: string) => GuardVerdict;
  /** By Neo4j's plan of the statement (EXPLAIN): only a read-only plan passes. */
  planCheck: (db: Database, cypher: string, params: Params) => Promise<GuardVerdict>;
}

/**
 * Accounts, API tokens and sessions share the store with the graph (docs/curation.md) but are
 * nobody's to read: they hold password hashes and the hashes of live secrets. They have no
 * relationships, so a plan can only reach them by scanning every node, seeking a node by id,
 * or naming their labels; those plans are refused.
 */
const PRIVATE_LABEL = /[:|&!]\s*`?(User|ApiToken|Session)\b/;
const ANY_NODE_OPERATORS = new Set(['AllNodesScan', 'PartitionedAllNodesScan', 'NodeByIdSeek', 'NodeByElementIdSeek']);

export function planReachesAccounts(operators: Array<{ type: string; details: string }>): string | null {
  for (const op of operators) {
    if (ANY_NODE_OPERATORS.has(op.type)) {
      return `${op.type} may reach accounts, which the console does not show: start from labelled nodes, e.g. MATCH (n:Entity)`;
    }
    if (PRIVATE_LABEL.test(op.details)) return 'accounts, API tokens and sessions are not shown in the console';
  }
  return null;
}

/** Neo4j's query type of the plan: 'r' read-only, 'rw' read-write, 'w' write-only, 's' schema. */
export async function checkPlanIsReadOnly(db: Database, cypher: string, params: Params): Promise<GuardVerdict> {
  const { queryType, operators } = await db.explainPlan(cypher, params);
  if (queryType !== 'r') return { ok: false, reason: `query type "${queryType}" is not read-only` };
  const reach = planReachesAccounts(operators);
  return reach ? { ok: false, reason: reach } : { ok: true };
}

/** Procedures a reader may call: catalogue look-ups and our full-text search. */
const ALLOWED_PROCEDURES = new Set([
  'db.labels',
  'db.relationshiptypes',
  'db.propertykeys',
  'db.schema.visualization',
  'db.schema.nodetypeproperties',
  'db.schema.reltypeproperties',
  'db.index.fulltext.querynodes',
  'db.index.fulltext.queryrelationships',
]);

const FORBIDDEN: Array<[RegExp, string]> = [
  [/\bCREATE\b/i, 'CREATE writes to the graph or the schema'],
  [/\bMERGE\b/i, 'MERGE writes to the graph'],
  [/\bDELETE\b/i, 'DELETE removes data'],
  [/\bDETACH\b/i, 'DETACH DELETE removes data'],
  [/\bSET\b/i, 'SET changes properties or labels'],
  [/\bREMOVE\b/i, 'REMOVE changes properties or labels'],
  [/\bDROP\b/i, 'DROP changes the schema'],
  [/\bALTER\b/i, 'ALTER is an administration command'],
  [/\bRENAME\b/i, 'RENAME is an administration command'],
  [/\bGRANT\b|\bDENY\b|\bREVOKE\b/i, 'privilege commands are not allowed'],
  [/\b(START|STOP)\s+DATABASE\b/i, 'database administration is not allowed'],
  [/\bSHOW\b/i, 'SHOW commands are administration commands'],
  [/\bTERMINATE\b/i, 'TERMINATE is an administration command'],
  [/\bENABLE\b|\bDEALLOCATE\b|\bREALLOCATE\b/i, 'server administration is not allowed'],
  [/\bLOAD\s+CSV\b/i, 'LOAD CSV reads files and URLs'],
  [/\bFOREACH\b/i, 'FOREACH exists to write'],
  [/\bIN\s+(\d+\s+)?(CONCURRENT\s+)?TRANSACTIONS\b/i, 'CALL { … } IN TRANSACTIONS writes in batches'],
  [/\bUSE\b/i, 'USE switches to another database'],
  [/\bFINISH\b/i, 'FINISH only makes sense after a write'],
  [/\bPERIODIC\s+COMMIT\b/i, 'periodic commit writes'],
  [/:\s*(begin|commit|rollback|use|param|params|source)\b/i, 'shell commands are not Cypher'],
];

/** Removes comments and string literals so that words inside them do not count. */
export function stripLiterals(cypher: string): string {
  let out = '';
  let i = 0;
  while (i < cypher.length) {
    const c = cypher[i]!;
    const next = cypher[i + 1];
    if (c === '/' && next === '/') {
      while (i < cypher.length && cypher[i] !== '\n') i++;
      out += ' ';
    } else if (c === '/' && next === '*') {
      const end = cypher.indexOf('*/', i + 2);
      i = end === -1 ? cypher.length : end + 2;
      out += ' ';
    } else if (c === "'" || c === '"') {
      i++;
      while (i < cypher.length && cypher[i] !== c) i += cypher[i] === '\\' ? 2 : 1;
      i++;
      out += ' "" ';
    } else if (c === '`') {
      // Escaped names are identifiers, never keywords; keep a neutral placeholder.
      const end = cypher.indexOf('`', i + 1);
      i = end === -1 ? cypher.length : end + 1;
      out += ' _name_ ';
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function checkConsoleQuery(cypher: string): GuardVerdict {
  const text = stripLiterals(cypher);
  if (!text.trim()) return { ok: false, reason: 'the statement is empty' };
  // Several statements in one request would slip past per-statement checks.
  if (/;\s*\S/.test(text)) return { ok: false, reason: 'send one statement at a time' };
  for (const [pattern, reason] of FORBIDDEN) {
    if (pattern.test(text)) return { ok: false, reason };
  }
  for (const match of text.matchAll(/\bCALL\s+([A-Za-z_][\w.]*)/gi)) {
    const name = match[1]!.toLowerCase();
    if (!ALLOWED_PROCEDURES.has(name)) {
      return { ok: false, reason: `the procedure ${match[1]} is not on the console's list of read-only procedures` };
    }
  }
  if (/\b(apoc|gds|dbms|db)\.[\w.]+\s*\(/i.test(text.replace(/\bCALL\s+[\w.]+\s*\(/gi, ''))) {
    const fn = /\b((?:apoc|gds|dbms|db)\.[\w.]+)\s*\(/i.exec(text)!;
    if (!ALLOWED_PROCEDURES.has(fn[1]!.toLowerCase())) return { ok: false, reason: `the function ${fn[1]} is not allowed in the console` };
  }
  return { ok: true };
}
