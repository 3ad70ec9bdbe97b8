// One breadth-first step out of a set of nodes: the relationships that pass the filters,
// at most $limit of them, and how many passed in all (so the caller can say what it left out).
// Nodes already seen are not returned again; a hub's thousands of ties never reach the client.
// Without type, label or date filters the count comes from each node's degree, which Neo4j
// keeps for hubs, minus $seenIncident (ties already shown that touch the frontier, counted by
// the caller): counting a hub's 30,000 ties one by one made the cost grow with the graph.
// $stated keeps only facts stated by the sources; in an as-of answer each tie carries its
// timeStatus (valid / attested / undated, the trust-model contract's rules).
CALL () {
  UNWIND $frontier AS fid
  MATCH (a:Entity {id: fid})
  WITH a, $types IS NULL AND $labels IS NULL AND $asOfStart IS NULL AND NOT $stated AS unfiltered
  WITH sum(
    CASE
      WHEN unfiltered AND $direction = 'out' THEN COUNT { (a)-->() }
      WHEN unfiltered AND $direction = 'in' THEN COUNT { (a)<--() }
      WHEN unfiltered THEN COUNT { (a)--() }
      ELSE COUNT {
        MATCH (a)-[r]-(b:Entity)
        WHERE ($types IS NULL OR type(r) IN $types)
          AND ($labels IS NULL OR b.label IN $labels)
          AND ($direction = 'both' OR ($direction = 'out') = (startNode(r) = a))
          AND ($asOfStart IS NULL OR (
            (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
            (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))
          AND (NOT $stated OR r.certainty = 'stated')
          AND NOT r.key IN $seenKeys
      }
    END) AS counted
  WITH counted - CASE WHEN $types IS NULL AND $labels IS NULL AND $asOfStart IS NULL AND NOT $stated THEN $seenIncident ELSE 0 END AS total
  RETURN CASE WHEN total < 0 THEN 0 ELSE total END AS total
}
CALL () {
  UNWIND $frontier AS fid
  MATCH (a:Entity {id: fid})-[r]-(b:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($labels IS NULL OR b.label IN $labels)
    AND ($direction = 'both' OR ($direction = 'out') = (startNode(r) = a))
    AND ($asOfStart IS NULL OR (
      (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
      (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))
    AND (NOT $stated OR r.certainty = 'stated')
    AND NOT r.key IN $seenKeys
  WITH r, b LIMIT $limit
  RETURN collect(r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id,
                    timeStatus: CASE
                      WHEN $asOfStart IS NULL THEN null
                      WHEN r.validFromDate IS NOT NULL THEN 'valid'
                      WHEN r.validToDate IS NOT NULL AND r.attestedDate <= date($asOfEnd) THEN 'valid'
                      WHEN r.attestedDate >= date({year: date($asOfStart).year}) AND r.attestedDate <= date($asOfEnd) THEN 'attested'
                      ELSE 'undated'
                    END}) AS relationships,
         collect(DISTINCT b {.*}) AS nodes
}
RETURN total, relationships, nodes
