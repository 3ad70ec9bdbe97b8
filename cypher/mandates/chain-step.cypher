// One level of the chain of authority ABOVE a set of nodes, following bases rather than every
// authority tie around them. Each frontier entry says how far to look:
//   full = true  (the node asked about, or a post held by the person asked about): who holds it,
//                the posts it holds, the acts that appointed or established it, the mandates it
//                holds, and whom it answers to;
//   full = false (a giver or an actor reached on the way up): only whom it answers to
//                (UNDER / PART_OF), so a ministry's other assignments never join the chain.
// The bases of the acts and mandates found here are looked up by mandates/chain-bases.
// Facts whose dates exclude the as-of span are left out; the rest carry their timeStatus
// (valid / attested / undated, the contract's rules), and $stated drops hedged and inferred facts.
UNWIND $frontier AS f
MATCH (x:Entity {id: f.id})
CALL (x, f) {
  // Each guard comes before its MATCH, so a giver's thousands of incoming ties are never read.
  WITH x, f WHERE f.full AND f.holders
  MATCH (x)<-[r:HOLDS_POST]-(y:Entity)
  RETURN 'held-by' AS role, r, y
  UNION ALL
  WITH x, f WHERE f.full
  MATCH (x)-[r:HOLDS_POST]->(y:Entity)
  RETURN 'holds-post' AS role, r, y
  UNION ALL
  WITH x, f WHERE f.full
  MATCH (x)<-[r:APPOINTS|ESTABLISHES]-(y:Entity)
  RETURN 'act' AS role, r, y
  UNION ALL
  WITH x, f WHERE f.full
  MATCH (x)<-[r:MANDATES]-(y:Entity)
  RETURN 'mandate' AS role, r, y
  UNION ALL
  MATCH (x)-[r:UNDER|PART_OF]->(y:Entity)
  RETURN 'answers-to' AS role, r, y
}
WITH x, role, r, y
WHERE ($asOfStart IS NULL OR (
    (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
    (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))
  AND (NOT $stated OR r.certainty = 'stated')
WITH x, role, r, y LIMIT $limit
RETURN x.id AS from,
       role,
       r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS relationship,
       y {.*} AS node,
       CASE
         WHEN $asOfStart IS NULL THEN null
         WHEN r.validFromDate IS NOT NULL THEN 'valid'
         WHEN r.validToDate IS NOT NULL AND r.attestedDate <= date($asOfEnd) THEN 'valid'
         WHEN r.attestedDate >= date({year: date($asOfStart).year}) AND r.attestedDate <= date($asOfEnd) THEN 'attested'
         ELSE 'undated'
       END AS timeStatus
