// Every Cypher statement the product runs lives in cypher/<feature>/<verb-noun>.cypher and is
// named here. Loading reads them all at start-up, so a missing file stops the server at boot
// instead of failing one request later.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const QUERY_NAMES = [
  'accounts/create-session',
  'accounts/create-token',
  'accounts/create-user',
  'accounts/delete-prefixed',
  'accounts/delete-session',
  'accounts/get-session-actor',
  'accounts/get-token-actor',
  'accounts/get-user',
  'accounts/list-tokens',
  'accounts/list-users',
  'accounts/save-token-revoked',
  'accounts/save-user-disabled',
  'accounts/save-user-password',
  'admin/delete-batch',
  'bulk/create-batch-marker',
  'bulk/create-nodes',
  'bulk/create-relationships',
  'bulk/delete-marker',
  'bulk/delete-prefixed',
  'bulk/drop-index',
  'bulk/element-ids',
  'bulk/get-marker',
  'bulk/list-deferrable-indexes',
  'bulk/save-marker',
  'common/inference-grounds',
  'common/shared-neighbours',
  'curation/all-node-states',
  'curation/count-elements',
  'curation/delete-ops-batch',
  'curation/delete-restore',
  'curation/all-tie-states',
  'curation/count-changes-since',
  'curation/create-bulk-change-set',
  'curation/create-change-set',
  'curation/create-ops',
  'curation/create-ties',
  'curation/create-view',
  'curation/diff-versions',
  'curation/element-changes',
  'curation/element-history',
  'curation/get-change-set',
  'curation/get-view',
  'curation/graph-version',
  'curation/known-sources',
  'curation/later-ops',
  'curation/list-changes',
  'curation/list-views',
  'curation/merge-nodes',
  'curation/merge-registered-sources',
  'curation/merge-ties',
  'curation/merge-version-lock',
  'curation/node-states',
  'curation/node-ties',
  'curation/ops-after',
  'curation/retired-tie-states',
  'curation/revs-at',
  'curation/save-retired-nodes',
  'curation/save-retired-ties',
  'curation/save-revs',
  'curation/tie-states',
  'curation/ties-around',
  'curation/ties-with-keys',
  'curation/version-at',
  'curation/version-made',
  'export/all-nodes',
  'export/all-relationships',
  'export/source-documents',
  'health/components',
  'health/counts',
  'import/existing-relationships',
  'import/facts-by-ids',
  'mandates/authority-step',
  'mandates/chain-level',
  'nodes/degree',
  'nodes/expand-level',
  'nodes/get-node',
  'nodes/nodes-by-ids',
  'nodes/relationships-among',
  'paths/k-shortest',
  'paths/k-shortest-filtered',
  'paths/k-shortest-filtered-directed',
  'paths/k-shortest-directed',
  'representation/find-representations',
  'schema/label-counts',
  'schema/type-counts',
  'search/search-nodes',
  'seed/count-entities',
  'seed/merge-nodes',
  'seed/merge-relationships',
  'seed/merge-sources',
  'sources/get-source-text',
  'sources/list-sources',
  // The recorded-states layer (docs/curation.md, History design v2 §3): kept by the funnel,
  // and each read that takes recordedAt has a .past variant reading it.
  'curation/layer-state',
  'curation/count-layer',
  'curation/save-rec-closed',
  'curation/create-rec-states',
  'curation/delete-rec-batch',
  'curation/create-rec-nodes',
  'curation/create-rec-ties',
  'curation/save-layer-span',
  'common/inference-grounds.past',
  'common/shared-neighbours.past',
  'export/all-nodes.past',
  'export/all-relationships.past',
  'export/source-documents.past',
  'mandates/authority-step.past',
  'mandates/chain-level.past',
  'nodes/degree.past',
  'nodes/expand-level.past',
  'nodes/get-node.past',
  'nodes/nodes-by-ids.past',
  'nodes/relationships-among.past',
  'paths/k-shortest.past',
  'paths/k-shortest-filtered.past',
  'paths/k-shortest-filtered-directed.past',
  'paths/k-shortest-directed.past',
  'representation/find-representations.past',
  'search/search-nodes.past',
  'sources/list-sources.past',

  // Source watch (issue 21, part 4)
  'sources/citing-nodes',
  'sources/citing-ties',
  'sources/current-versions',
  'sources/create-source-versions',
  'sources/flagged-nodes',
  'sources/flagged-ties',
  'sources/source-versions',
  'sources/version-text',
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

export const CYPHER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../cypher');

export type QueryTexts = Readonly<Record<QueryName, string>>;

export function loadQueries(dir: string = CYPHER_DIR): QueryTexts {
  const texts = {} as Record<QueryName, string>;
  const missing: string[] = [];
  for (const name of QUERY_NAMES) {
    try {
      texts[name] = readFileSync(join(dir, `${name}.cypher`), 'utf8');
    } catch {
      missing.push(`${name}.cypher`);
    }
  }
  if (missing.length) throw new Error(`cypher/: missing query files: ${missing.join(', ')}`);
  return texts;
}

/** Schema statements (constraints, indexes), one per `;`-terminated statement, comments dropped. */
export function loadSchemaStatements(dir: string = CYPHER_DIR): string[] {
  return readFileSync(join(dir, 'schema.cypher'), 'utf8')
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}
