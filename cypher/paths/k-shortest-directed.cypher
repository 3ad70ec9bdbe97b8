// Routes between two nodes, in one round trip: both ends (null when unknown, for the 404),
// all the shortest paths at most $maxDepth ties long (bounded by the literal 10), and the named
// processes that join the ends. Only along each relationship's direction (how a request travels).
// Without filters this stays allShortestPaths: SHORTEST 24 here measured p95 1.3 s against
// 26 ms at 100k nodes (longer routes fan out through hubs), so the longer alternatives come from
// the named processes and, when the question is narrowed, from the -filtered files (SHORTEST 24).
// The caller picks a varied set; in an as-of answer each tie carries its timeStatus.
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = allShortestPaths((a)-[*..10]->(b))
  WHERE length(p) <= $maxDepth
  // Between hubs the shortest paths can run to thousands; the answer shows at most 100 routes.
  WITH p LIMIT 200
  RETURN collect(p) AS found
}
// Named processes: a run of FORWARDS_REQUESTS_TO hops sharing one `chain` that leads from one
// end to the other (either way round), found without the user choosing a type.
CALL (a, b) {
  WITH a, b WHERE $named AND a IS NOT NULL AND b IS NOT NULL
  UNWIND [[a, b, false], [b, a, true]] AS ends
  WITH ends[0] AS s, ends[1] AS t, ends[2] AS reversed
  MATCH (s)-[first:FORWARDS_REQUESTS_TO]->(:Entity)
  WHERE first.chain IS NOT NULL
  WITH DISTINCT s, t, reversed, first.chain AS chain
  MATCH p = (s)(()-[r:FORWARDS_REQUESTS_TO WHERE r.chain = chain]->()){1,12}(t)
  WHERE all(r IN relationships(p) WHERE
      (NOT $stated OR r.certainty = 'stated') AND
      ($asOfStart IS NULL OR (
        (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
        (r.validToDate IS NULL OR r.validToDate >= date($asOfStart)))))
  WITH chain, reversed, p ORDER BY length(p) LIMIT 5
  RETURN collect({chain: chain, reversed: reversed, subject: head(relationships(p)).subject, p: p}) AS namedFound
}
// Each node and tie once, however many routes share it: a route is a list of ids.
WITH a, b, found, namedFound, found + [x IN namedFound | x.p] AS every
CALL (every) {
  UNWIND every AS p
  UNWIND nodes(p) AS n
  WITH DISTINCT n
  RETURN collect(n {.*}) AS nodes
}
CALL (every) {
  UNWIND every AS p
  UNWIND relationships(p) AS r
  WITH DISTINCT r
  RETURN collect(r {.*, elementId: elementId(r), type: type(r), source: startNode(r).id, target: endNode(r).id,
    timeStatus: CASE
      WHEN $asOfStart IS NULL THEN null
      WHEN r.validFromDate IS NOT NULL THEN 'valid'
      WHEN r.validToDate IS NOT NULL AND r.attestedDate <= date($asOfEnd) THEN 'valid'
      WHEN r.attestedDate >= date({year: date($asOfStart).year}) AND r.attestedDate <= date($asOfEnd) THEN 'attested'
      ELSE 'undated'
    END}) AS relationships
}
RETURN a {.*} AS from,
       b {.*} AS to,
       [p IN found | {nodes: [n IN nodes(p) | n.id], relationships: [r IN relationships(p) | elementId(r)]}] AS candidates,
       [x IN namedFound | {chain: x.chain, reversed: x.reversed, subject: x.subject,
         nodes: [n IN nodes(x.p) | n.id], relationships: [r IN relationships(x.p) | elementId(r)]}] AS named,
       nodes,
       relationships
