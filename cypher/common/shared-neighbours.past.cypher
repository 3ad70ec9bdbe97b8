// common/shared-neighbours as recorded at version $v: what the two nodes' copies valid then share.
MATCH (a:Rec {id: $a}), (b:Rec {id: $b})
WHERE a.recFrom <= $v < a.recTo AND b.recFrom <= $v < b.recTo
MATCH (a)-[ra]-(x:Rec)-[rb]-(b)
WHERE x <> a AND x <> b
  AND ra.recFrom <= $v < ra.recTo AND rb.recFrom <= $v < rb.recTo AND x.recFrom <= $v < x.recTo
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
