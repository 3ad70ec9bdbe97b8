// All shortest paths between two nodes, in either direction along each relationship, using
// only relationships of the allowed types that were valid during the "as of" span.
// The filter sits inside the pattern, so the search applies it while it walks: with
// allShortestPaths and a WHERE after it, Neo4j fell back to trying every path up to 10 hops
// whenever no path passed, and an "as of 1777" question ran into the time limit.
// Path length is bounded by the literal 10 and then by the caller's $maxDepth.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = ALL SHORTEST (a)-[r WHERE
    ($types IS NULL OR type(r) IN $types) AND
    ($asOfStart IS NULL OR (
      (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
      (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))]-{1,10}(b)
WHERE length(p) <= $maxDepth
WITH p LIMIT $limit
RETURN [n IN nodes(p) | n {.*}] AS nodes,
       [r IN relationships(p) | r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS relationships
