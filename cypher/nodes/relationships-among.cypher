// Every relationship whose both ends are among the given nodes (the induced subgraph),
// filtered like the neighbourhood, at most $limit.
// It expands outgoing ties only: in this model ties point from the many to the one (members,
// participants, staff and units point to their body), so a hub's tens of thousands of ties are
// incoming and never read here. Anchored on the other side, one hub cost a scan of all its ties.
UNWIND $ids AS id
MATCH (a:Entity {id: id})
MATCH (a)-[r]->(b:Entity)
WHERE b.id IN $ids
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
