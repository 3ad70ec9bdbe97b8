// Named processes between two nodes: a run of FORWARDS_REQUESTS_TO hops that share one
// `chain` and lead from one end to the other (in either order of the ends), found without the
// user choosing a type. Each chain is read hop by hop from the ends through the `forwards_chain`
// index's relationships, so it costs a few expansions, not a search.
CALL () {
  MATCH (a:Entity {id: $from})-[first:FORWARDS_REQUESTS_TO]->(:Entity)
  WHERE first.chain IS NOT NULL
  WITH DISTINCT a, first.chain AS chain
  MATCH p = (a)(()-[r:FORWARDS_REQUESTS_TO WHERE r.chain = chain]->()){1,12}(b:Entity {id: $to})
  RETURN chain, p, false AS reversed
  UNION
  MATCH (a:Entity {id: $to})-[first:FORWARDS_REQUESTS_TO]->(:Entity)
  WHERE first.chain IS NOT NULL
  WITH DISTINCT a, first.chain AS chain
  MATCH p = (a)(()-[r:FORWARDS_REQUESTS_TO WHERE r.chain = chain]->()){1,12}(b:Entity {id: $from})
  RETURN chain, p, true AS reversed
}
WITH chain, p, reversed
WHERE all(r IN relationships(p) WHERE
    (NOT $stated OR r.certainty = 'stated') AND
    ($asOfStart IS NULL OR (
      (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
      (r.validToDate IS NULL OR r.validToDate >= date($asOfStart)))))
WITH chain, p, reversed ORDER BY length(p) LIMIT $limit
RETURN chain,
       reversed,
       head(relationships(p)).subject AS subject,
       [n IN nodes(p) | n {.*}] AS nodes,
       [r IN relationships(p) | r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id,
         timeStatus: CASE
           WHEN $asOfStart IS NULL THEN null
           WHEN r.validFromDate IS NOT NULL THEN 'valid'
           WHEN r.validToDate IS NOT NULL AND r.attestedDate <= date($asOfEnd) THEN 'valid'
           WHEN r.attestedDate >= date({year: date($asOfStart).year}) AND r.attestedDate <= date($asOfEnd) THEN 'attested'
           ELSE 'undated'
         END}] AS relationships
