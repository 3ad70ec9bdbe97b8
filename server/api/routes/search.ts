import type { Router } from 'express';
import { z } from '../../zod.ts';
import { luceneQuery } from '../../graph/search.ts';
import { LABEL_DESCRIPTIONS, NodeLabel } from '../../model/vocabulary.ts';
import { intParam, LabelList } from '../schemas.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';

const SearchQuery = z.object({
  q: z.string().trim().min(1, 'type at least one character').max(200, 'at most 200 characters'),
  labels: LabelList,
  limit: intParam(1, 100, 20),
});

const SearchResult = z
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
        score: z.number(),
      }),
    ),
  })
  .openapi('SearchResult');

export function searchRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'get',
    path: '/api/search',
    tag: 'graph',
    summary: 'Find nodes by any name, English name or alias',
    description: 'Case- and diacritic-insensitive; the last word also matches as a prefix, so it serves type-ahead suggestions.',
    query: SearchQuery,
    response: { description: 'Ranked hits', schema: SearchResult },
    handler: async ({ query }, { services: { db } }) => {
      const lucene = luceneQuery(query.q);
      if (!lucene) return { query: query.q, hits: [] };
      const rows = await db.read('search/search-nodes', {
        query: lucene,
        exact: query.q.toLowerCase(),
        labels: query.labels ?? null,
        limit: query.limit,
        // Fetch more than shown so exact matches and label filters can re-rank.
        candidates: query.limit * (query.labels ? 20 : 5),
      });
      return {
        query: query.q,
        hits: rows.map((r) => {
          const n = r.node as Record<string, unknown>;
          const label = n.label as NodeLabel;
          return {
            id: String(n.id),
            label,
            name: String(n.name),
            nameEn: (n.nameEn as string | null) ?? null,
            aliases: (n.aliases as string[] | null) ?? [],
            description: (n.description as string | null) ?? LABEL_DESCRIPTIONS[label] ?? label,
            score: Number(r.score),
          };
        }),
      };
    },
  });
}
