// Every relationship whose both ends are among the given nodes (the induced subgraph),
// filtered like the neighbourhood, at most $limit.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids
  AND ($types IS NULL OR type(r) IN $types)
  AND ($asOfStart IS NULL OR (
    (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
    (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))
WITH r LIMIT $limit
RETURN r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS relationship
