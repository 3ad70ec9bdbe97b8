// What two nodes share: every node tied to both, with the ties on each side, so two actors
// can be compared (shared forums, shared partners).
MATCH (a:Entity {id: $a}), (b:Entity {id: $b})
MATCH (a)-[ra]-(x:Entity)-[rb]-(b)
WHERE x <> a AND x <> b
  AND ($types IS NULL OR (type(ra) IN $types AND type(rb) IN $types))
  AND ($asOfStart IS NULL OR all(r IN [ra, rb] WHERE
    (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
    (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))
WITH x,
     collect(DISTINCT ra {.*, type: type(ra), source: startNode(ra).id, target: endNode(ra).id}) AS fromA,
     collect(DISTINCT rb {.*, type: type(rb), source: startNode(rb).id, target: endNode(rb).id}) AS fromB
RETURN x {.*} AS node, fromA, fromB
ORDER BY x.label, x.name, x.id
LIMIT $limit
