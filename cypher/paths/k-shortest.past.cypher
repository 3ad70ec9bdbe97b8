// paths/k-shortest as recorded at version $v: the same routes among the copies valid then
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
  MATCH p = allShortestPaths((a)-[*..10]-(b))
  WHERE length(p) <= $maxDepth AND all(r IN relationships(p) WHERE r.recFrom <= $v < r.recTo)
  // Between hubs the shortest paths can run to thousands; the answer shows at most 100 routes.
  WITH p LIMIT 200
  RETURN collect(p) AS found
}
CALL (found) {
  // When the shortest paths alone fill the answer ($limit routes), none is sought.
  WITH found WHERE size(found) < $limit
  UNWIND found[0..4] AS sp
  WITH sp WHERE length(sp) < $maxDepth
  UNWIND range(0, length(sp) - 1) AS i
  WITH sp, i, nodes(sp)[i] AS u, nodes(sp)[i + 1] AS v
  // A tie the first paths share is detoured once, on the first path that has it.
  WITH u, v, head(collect({sp: sp, i: i})) AS at
  WITH at.sp AS sp, at.i AS i, u, v
  WHERE COUNT { (u)-[x]-() WHERE x.recFrom <= $v < x.recTo } <= 50 AND COUNT { (v)-[x]-() WHERE x.recFrom <= $v < x.recTo } <= 50
  CALL (sp, u, v) {
    MATCH (w2:Rec)-[r2]-(v)
    WHERE r2.recFrom <= $v < r2.recTo
    WITH sp, u, collect({w: w2, r: r2}) AS around
    MATCH (u)-[r1]-(w:Rec)
    WHERE NOT w IN nodes(sp) AND r1.recFrom <= $v < r1.recTo
    WITH r1, w, [x IN around WHERE x.w = w | x.r] AS back
    WHERE size(back) > 0
    RETURN r1, w, back[0] AS r2 LIMIT 2
  }
  RETURN collect({
    nodes: [n IN nodes(sp)[0..i + 1] | n.id] + [w.id] + [n IN nodes(sp)[i + 1..] | n.id],
    relationships: [r IN relationships(sp)[0..i] | elementId(r)] + [elementId(r1), elementId(r2)]
      + [r IN relationships(sp)[i + 1..] | elementId(r)],
    w: w, r1: r1, r2: r2}) AS detours
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
WITH fromState, toState, a, b, found, detours, namedFound, found + [x IN namedFound | x.p] AS every
CALL (every, detours) {
  UNWIND every AS p
  UNWIND nodes(p) AS n
  RETURN n
  UNION
  UNWIND detours AS d
  RETURN d.w AS n
}
MATCH (ns:RecState {id: n.id})
WHERE ns.recFrom <= $v < ns.recTo
WITH fromState, toState, a, b, found, detours, namedFound, every, collect(ns {.*}) AS nodes
CALL (every, detours) {
  UNWIND every AS p
  UNWIND relationships(p) AS r
  RETURN r
  UNION
  UNWIND detours AS d
  UNWIND [d.r1, d.r2] AS r
  RETURN r
}
WITH fromState, toState, a, b, found, detours, namedFound, nodes,
     collect(r {.*, elementId: elementId(r), type: type(r), source: startNode(r).id, target: endNode(r).id,
       timeStatus: CASE
         WHEN $asOfStart IS NULL THEN null
         WHEN r.validFromDate IS NOT NULL THEN 'valid'
         WHEN r.validToDate IS NOT NULL AND r.attestedDate <= date($asOfEnd) THEN 'valid'
         WHEN r.attestedDate >= date({year: date($asOfStart).year}) AND r.attestedDate <= date($asOfEnd) THEN 'attested'
         ELSE 'undated'
       END}) AS relationships
RETURN fromState {.*} AS from,
       toState {.*} AS to,
       [p IN found | {nodes: [n IN nodes(p) | n.id], relationships: [r IN relationships(p) | elementId(r)]}]
         + [d IN detours | {nodes: d.nodes, relationships: d.relationships}] AS candidates,
       [x IN namedFound | {chain: x.chain, reversed: x.reversed, subject: x.subject,
         nodes: [n IN nodes(x.p) | n.id], relationships: [r IN relationships(x.p) | elementId(r)]}] AS named,
       nodes,
       relationships
