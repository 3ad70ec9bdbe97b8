// paths/k-shortest-filtered as recorded at version $v: the same routes among the copies valid then
// (docs/curation.md §3): routes run through the tie copies valid then (recFrom <= $v < recTo on
// every tie a route, a detour or a named process walks) between identities (:Rec for :Entity);
// the ends must have a state then, and every node of the answer is given as its state then.
OPTIONAL MATCH (fromState:RecState {id: $from})
WHERE fromState.recFrom <= $v < fromState.recTo
OPTIONAL MATCH (toState:RecState {id: $to})
WHERE toState.recFrom <= $v < toState.recTo
OPTIONAL MATCH (a:Rec {id: fromState.id})
OPTIONAL MATCH (b:Rec {id: toState.id})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = SHORTEST 24 (a)-[rs WHERE
      rs.recFrom <= $v < rs.recTo AND
      ($types IS NULL OR type(rs) IN $types) AND
      (NOT $stated OR rs.certainty = 'stated') AND
      ($asOfStart IS NULL OR (
        (rs.validFromDate IS NULL OR rs.validFromDate <= date($asOfEnd)) AND
        (rs.validToDate IS NULL OR rs.validToDate >= date($asOfStart))))]-{1,10}(b)
  WHERE length(p) <= $maxDepth
  RETURN collect(p) AS found
}
CALL (a, b) {
  WITH a, b WHERE $named AND a IS NOT NULL AND b IS NOT NULL
  UNWIND [[a, b, false], [b, a, true]] AS ends
  WITH ends[0] AS s, ends[1] AS t, ends[2] AS reversed
  MATCH (s)-[first:FORWARDS_REQUESTS_TO]->(:Rec)
  WHERE first.chain IS NOT NULL AND first.recFrom <= $v < first.recTo
  WITH DISTINCT s, t, reversed, first.chain AS chain
  MATCH p = (s)(()-[r:FORWARDS_REQUESTS_TO WHERE r.chain = chain AND r.recFrom <= $v < r.recTo]->()){1,12}(t)
  WHERE all(r IN relationships(p) WHERE
      (NOT $stated OR r.certainty = 'stated') AND
      ($asOfStart IS NULL OR (
        (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
        (r.validToDate IS NULL OR r.validToDate >= date($asOfStart)))))
  WITH chain, reversed, p ORDER BY length(p) LIMIT 5
  RETURN collect({chain: chain, reversed: reversed, subject: head(relationships(p)).subject, p: p}) AS namedFound
}
WITH fromState, toState, a, b, found, namedFound, found + [x IN namedFound | x.p] AS every
CALL (every) {
  UNWIND every AS p
  UNWIND nodes(p) AS n
  WITH DISTINCT n
  MATCH (ns:RecState {id: n.id})
  WHERE ns.recFrom <= $v < ns.recTo
  RETURN collect(ns {.*}) AS nodes
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
RETURN fromState {.*} AS from,
       toState {.*} AS to,
       [p IN found | {nodes: [n IN nodes(p) | n.id], relationships: [r IN relationships(p) | elementId(r)]}] AS candidates,
       [x IN namedFound | {chain: x.chain, reversed: x.reversed, subject: x.subject,
         nodes: [n IN nodes(x.p) | n.id], relationships: [r IN relationships(x.p) | elementId(r)]}] AS named,
       nodes,
       relationships
