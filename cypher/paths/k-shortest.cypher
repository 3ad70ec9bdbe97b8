// The 24 shortest routes between two nodes (Cypher's SHORTEST k), in either direction along
// each relationship, using only ties of the allowed types and not dated out of the as-of span
// ($stated: only stated facts). The filter sits inside the pattern so the search itself skips
// what is not allowed. Length is bounded by the literal 10 and then by $maxDepth. The caller
// picks a varied set from these and groups them by the kinds of ties they use. SHORTEST takes
// only a literal count; 24 leaves room for variety beyond the shortest length.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 24 ((a)-[rs WHERE
    ($types IS NULL OR type(rs) IN $types) AND
    (NOT $stated OR rs.certainty = 'stated') AND
    ($asOfStart IS NULL OR (
      (rs.validFromDate IS NULL OR rs.validFromDate <= date($asOfEnd)) AND
      (rs.validToDate IS NULL OR rs.validToDate >= date($asOfStart))))]-{1,10}(b) WHERE size(rs) <= $maxDepth)
RETURN [n IN nodes(p) | n {.*}] AS nodes,
       [r IN relationships(p) | r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id,
         timeStatus: CASE
           WHEN $asOfStart IS NULL THEN null
           WHEN r.validFromDate IS NOT NULL THEN 'valid'
           WHEN r.validToDate IS NOT NULL AND r.attestedDate <= date($asOfEnd) THEN 'valid'
           WHEN r.attestedDate >= date({year: date($asOfStart).year}) AND r.attestedDate <= date($asOfEnd) THEN 'attested'
           ELSE 'undated'
         END}] AS relationships
