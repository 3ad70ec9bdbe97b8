// One step along the chain of authority from a set of nodes. Authority runs from start to
// end on MANDATES, APPOINTS and ESTABLISHES (the start gives the mandate) and from end to
// start on UNDER, PART_OF and HOLDS_POST (the start answers to the end). With $direction
// 'up' we climb to whoever holds authority over the frontier; with 'down' we descend.
// The chain above a node follows bases instead (mandates/chain-level); this step
// serves 'down': what an actor's mandates and acts lead to. Dated out of the as-of span →
// left out; otherwise each tie carries its timeStatus, and $stated drops hedged and inferred.
UNWIND $frontier AS fid
MATCH (x:Entity {id: fid})-[r:MANDATES|APPOINTS|ESTABLISHES|UNDER|PART_OF|HOLDS_POST]-(y:Entity)
WITH x, r, y,
     CASE WHEN type(r) IN ['MANDATES', 'APPOINTS', 'ESTABLISHES'] THEN startNode(r) ELSE endNode(r) END AS superior
WHERE (($direction = 'up' AND superior = y) OR ($direction = 'down' AND superior = x))
  AND NOT y.id IN $seen
  AND ($asOfStart IS NULL OR (
    (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
    (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))
  AND (NOT $stated OR r.certainty = 'stated')
WITH x, r, y LIMIT $limit
RETURN x.id AS from,
       r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS relationship,
       y {.*} AS node,
       CASE
         WHEN $asOfStart IS NULL THEN null
         WHEN r.validFromDate IS NOT NULL THEN 'valid'
         WHEN r.validToDate IS NOT NULL AND r.attestedDate <= date($asOfEnd) THEN 'valid'
         WHEN r.attestedDate >= date({year: date($asOfStart).year}) AND r.attestedDate <= date($asOfEnd) THEN 'attested'
         ELSE 'undated'
       END AS timeStatus
