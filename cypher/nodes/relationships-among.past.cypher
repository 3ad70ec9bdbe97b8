// nodes/relationships-among as recorded at version $v: the same induced subgraph among the tie
// copies valid then between the nodes' identities (outgoing ties only, as there).
UNWIND $ids AS id
MATCH (a:Rec {id: id})-[r]->(b:Rec)
WHERE r.recFrom <= $v < r.recTo
  AND b.id IN $ids
  AND ($types IS NULL OR type(r) IN $types)
  AND ($asOfStart IS NULL OR (
    (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
    (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))
  AND (NOT $stated OR r.certainty = 'stated')
WITH r LIMIT $limit
RETURN r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id,
          timeStatus: CASE
            WHEN $asOfStart IS NULL THEN null
            WHEN r.validFromDate IS NOT NULL THEN 'valid'
            WHEN r.validToDate IS NOT NULL AND r.attestedDate <= date($asOfEnd) THEN 'valid'
            WHEN r.attestedDate >= date({year: date($asOfStart).year}) AND r.attestedDate <= date($asOfEnd) THEN 'attested'
            ELSE 'undated'
          END} AS relationship
