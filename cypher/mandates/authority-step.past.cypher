// mandates/authority-step as recorded at version $v: the same step through the tie copies valid
// then between identities; the node reached is given as its state then.
UNWIND $frontier AS fid
MATCH (x:Rec {id: fid})-[r:MANDATES|APPOINTS|ESTABLISHES|UNDER|PART_OF|HOLDS_POST]-(y:Rec)
WHERE r.recFrom <= $v < r.recTo
WITH x, r, y,
     CASE WHEN type(r) IN ['MANDATES', 'APPOINTS', 'ESTABLISHES'] THEN startNode(r) ELSE endNode(r) END AS superior
WHERE (($direction = 'up' AND superior = y) OR ($direction = 'down' AND superior = x))
  AND NOT y.id IN $seen
  AND ($asOfStart IS NULL OR (
    (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
    (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))
  AND (NOT $stated OR r.certainty = 'stated')
WITH x, r, y LIMIT $limit
MATCH (ys:RecState {id: y.id})
WHERE ys.recFrom <= $v < ys.recTo
RETURN x.id AS from,
       r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS relationship,
       ys {.*} AS node,
       CASE
         WHEN $asOfStart IS NULL THEN null
         WHEN r.validFromDate IS NOT NULL THEN 'valid'
         WHEN r.validToDate IS NOT NULL AND r.attestedDate <= date($asOfEnd) THEN 'valid'
         WHEN r.attestedDate >= date({year: date($asOfStart).year}) AND r.attestedDate <= date($asOfEnd) THEN 'attested'
         ELSE 'undated'
       END AS timeStatus
