// The requests the benchmark times, built from the generator's probes: each endpoint with a
// handful of starting points, hubs among them on purpose (a capped neighbourhood must stay
// cheap on the EU-like hub too).
import type { SynthProbes } from '../synth/generate.ts';
import type { RequestSpec } from '../lib/http.ts';

export const ENDPOINTS = [
  'search',
  'neighborhood-d1',
  'neighborhood-d2',
  'paths',
  'mandate-chain',
  'representation',
  'export-graphml',
] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export interface Case {
  endpoint: Endpoint;
  variants: RequestSpec[];
}

/** Elements of the GraphML export case: a hub's depth-2 neighbourhood capped at this many ties. */
export const EXPORT_RELATIONSHIPS = 5_000;

export function buildCases(p: SynthProbes, perEndpoint = 12): Case[] {
  const take = <T>(xs: readonly T[], n: number) => xs.slice(0, Math.max(0, n));
  const enc = encodeURIComponent;
  const n = perEndpoint;
  // One start in six is a hub; the rest are ordinary bodies and people.
  const starts = [
    ...take(p.hubs, 2),
    ...take(p.agencies, Math.ceil(n / 2)),
    ...take(p.ministries, 2),
    ...take(p.persons, 1),
    ...take(p.governments, 1),
  ].slice(0, n);
  const chainStarts = [...take(p.units, 4), ...take(p.posts, 3), ...take(p.persons, 3), ...take(p.agencies, 2)].slice(0, n);
  const pairs: Array<[string, string]> = [];
  for (let i = 0; pairs.length < n && i + 1 < p.agencies.length; i += 2) pairs.push([p.agencies[i]!, p.agencies[i + 1]!]);
  for (let i = 0; pairs.length < n && i < p.persons.length && i < p.units.length; i++)
    pairs.push([p.persons[i]!, p.units[p.units.length - 1 - i]!]);
  return [
    { endpoint: 'search', variants: take(p.searchTerms, n).map((q) => ({ method: 'GET', path: `/api/search?q=${enc(q)}` })) },
    { endpoint: 'neighborhood-d1', variants: starts.map((id) => ({ method: 'GET', path: `/api/nodes/${id}/neighborhood?depth=1` })) },
    { endpoint: 'neighborhood-d2', variants: starts.map((id) => ({ method: 'GET', path: `/api/nodes/${id}/neighborhood?depth=2` })) },
    { endpoint: 'paths', variants: pairs.map(([a, b]) => ({ method: 'GET', path: `/api/paths?from=${a}&to=${b}` })) },
    {
      endpoint: 'mandate-chain',
      variants: chainStarts.map((id) => ({ method: 'GET', path: `/api/nodes/${id}/mandate-chain?direction=up` })),
    },
    {
      endpoint: 'representation',
      variants: [
        ...take(p.hubs, 3).map((id) => `forum=${id}`),
        ...take(p.governments, 3).map((id) => `principal=${id}`),
        ...take(p.agencies, Math.max(0, n - 6)).map((id) => `agent=${id}`),
      ].map((q) => ({ method: 'GET', path: `/api/representation?${q}` })),
    },
    {
      endpoint: 'export-graphml',
      variants: take(p.hubs, 2).map((root) => ({
        method: 'POST',
        path: '/api/export',
        body: { format: 'graphml', root, depth: 2, limit: EXPORT_RELATIONSHIPS },
      })),
    },
  ];
}
