// common/shared-neighbours as recorded at version $v: what the two nodes shared then, through
// the tie copies valid then between identities; each shared neighbour as its state valid then.
MATCH (a:Rec {id: $a}), (b:Rec {id: $b})
MATCH (a)-[ra]-(x:Rec)-[rb]-(b)
WHERE x <> a AND x <> b
  AND ra.recFrom <= $v < ra.recTo AND rb.recFrom <= $v < rb.recTo
  AND ($types IS NULL OR (type(ra) IN $types AND type(rb) IN $types))
  AND ($asOfStart IS NULL OR all(r IN [ra, rb] WHERE
    (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
    (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))
WITH x,
     collect(DISTINCT ra {.*, type: type(ra), source: startNode(ra).id, target: endNode(ra).id}) AS fromA,
     collect(DISTINCT rb {.*, type: type(rb), source: startNode(rb).id, target: endNode(rb).id}) AS fromB
MATCH (xs:RecState {id: x.id})
WHERE xs.recFrom <= $v < xs.recTo
RETURN xs {.*} AS node, fromA, fromB
ORDER BY xs.label, xs.name, xs.id
LIMIT $limit
