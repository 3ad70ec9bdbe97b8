// Like shortest-paths, but only along each relationship's direction: the route a request
// actually travels from $from to $to. The filter sits inside the pattern for the same reason.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = ALL SHORTEST (a)-[r WHERE
    ($types IS NULL OR type(r) IN $types) AND
    ($asOfStart IS NULL OR (
      (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
      (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))]->{1,10}(b)
WHERE length(p) <= $maxDepth
WITH p LIMIT $limit
RETURN [n IN nodes(p) | n {.*}] AS nodes,
       [r IN relationships(p) | r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS relationships
