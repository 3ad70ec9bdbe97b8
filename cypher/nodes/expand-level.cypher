// One breadth-first step out of a set of nodes: the relationships that pass the filters,
// at most $limit of them, and how many passed in all (so the caller can say what it left out).
// Nodes already seen are not returned again; a hub's thousands of ties never reach the client.
CALL () {
  UNWIND $frontier AS fid
  MATCH (a:Entity {id: fid})-[r]-(b:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($labels IS NULL OR b.label IN $labels)
    AND ($direction = 'both' OR ($direction = 'out') = (startNode(r) = a))
    AND ($asOfStart IS NULL OR (
      (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
      (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))
    AND NOT r.key IN $seenKeys
  RETURN count(r) AS total
}
CALL () {
  UNWIND $frontier AS fid
  MATCH (a:Entity {id: fid})-[r]-(b:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($labels IS NULL OR b.label IN $labels)
    AND ($direction = 'both' OR ($direction = 'out') = (startNode(r) = a))
    AND ($asOfStart IS NULL OR (
      (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
      (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))
    AND NOT r.key IN $seenKeys
  WITH r, b LIMIT $limit
  RETURN collect(r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id}) AS relationships,
         collect(DISTINCT b {.*}) AS nodes
}
RETURN total, relationships, nodes
