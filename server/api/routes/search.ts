import type { Router } from 'express';
import { z } from '../../zod.ts';
import { MATCH_KINDS, searchEntities } from '../../graph/search.ts';
import { LABEL_DESCRIPTIONS, NodeLabel } from '../../model/vocabulary.ts';
import { intParam, LabelList, RecordedAt, RecordedAtAnswer } from '../schemas.ts';
import { asRecorded } from '../../curation/recorded.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';

const SearchQuery = z.object({
  q: z.string().trim().min(1, 'type at least one character').max(200, 'at most 200 characters'),
  labels: LabelList,
  limit: intParam(1, 100, 20),
  recordedAt: RecordedAt,
});

export const SearchResult = z
  .object({
    query: z.string(),
    hits: z.array(
      z.object({
        id: z.string(),
        label: NodeLabel,
        name: z.string(),
        nameEn: z.string().nullable(),
        aliases: z.array(z.string()),
        description: z.string(),
        /** The full-text index's relevance; hits are in rank order, of which it is one key. */
        score: z.number(),
        matchedOn: z
          .object({
            kind: z.enum(MATCH_KINDS),
            field: z.enum(['name', 'nameEn', 'alias', 'id']),
            value: z.string(),
          })
          .openapi({ description: 'Which name, English name, alias or id matched, and how; hits are ranked by kind first' }),
      }),
    ),
    recordedAt: RecordedAtAnswer.optional(),
  })
  .openapi('SearchResult');

export function searchRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'get',
    path: '/api/search',
    tag: 'graph',
    summary: 'Find nodes by any name, English name or alias',
    description:
      'Case- and diacritic-insensitive. Matches names, English names, aliases and abbreviations, inflected forms (Swedish genitive and definite endings), country adjectives ("Finnish" for Finland) and near misses; the last word also matches as a prefix, for type-ahead. Ranked by where the match is, then the whole before its parts and people (docs/search.md).',
    query: SearchQuery,
    response: { description: 'Ranked hits', schema: SearchResult },
    handler: async ({ query }, { services }) => {
      const answer = await asRecorded(services.db, query.recordedAt, 'query.recordedAt', async (db) => {
        const hits = await searchEntities(db, query.q, { labels: query.labels ?? null, limit: query.limit });
        return {
          query: query.q,
          hits: hits.map(({ node, score, match }) => ({
            id: node.id,
            label: node.label,
            name: node.name,
            nameEn: node.nameEn,
            aliases: node.aliases ?? [],
            description: node.description ?? LABEL_DESCRIPTIONS[node.label] ?? node.label,
            score,
            matchedOn: match,
          })),
        };
      });
      return answer.recordedAt ? { ...answer, recordedAt: { ...answer.recordedAt, note: RECORDED_SEARCH_NOTE } } : answer;
    },
  });
}

/**
 * The full-text index sees the names as recorded then (Neo4j indexes a transaction's own
 * changes), but it weighs words by statistics of the index as it is now, changes since and
 * all: scores, and so the order of near ties among the hits, may differ from the answer then.
 */
const RECORDED_SEARCH_NOTE =
  'Names matched are as recorded at that version. Scores use the search index as it is now, so they, and the order of hits that score alike, may differ slightly from what a search gave then.';
