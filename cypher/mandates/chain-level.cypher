// One level of the chain of authority ABOVE a node, in one round trip: the next step up from
// the frontier and the bases of the acts and mandates the level before found. The chain follows
// bases rather than every authority tie around the nodes.
//
// Step rows (part 'step'): each frontier entry says how far to look:
//   full = true  (the node asked about, or a post held by the person asked about): who holds it
//                ($holders), the posts it holds, the acts that appointed or established it, the
//                mandates it holds, and whom it answers to;
//   full = false (a giver or an actor reached on the way up): only whom it answers to
//                (UNDER / PART_OF), so a ministry's other assignments never join the chain.
// At most $limit step rows.
//
// Basis rows (part 'basis'), for each fact in $facts:
//   kind 'mandate'      → the MANDATES relationship whose fact id is the basisRef, with its giver;
//   kind 'treaty'/'law' → the node the basisRef names;
//   kind 'not-stated'   → no basis; for acts, the mandates its actor holds are offered as
//                         candidates (at most $candidates of them), marked as such by the caller.
//
// Facts whose dates exclude the as-of span are left out; the rest carry their timeStatus
// (valid / attested / undated, the contract's rules), and $stated drops hedged and inferred facts.
CALL () {
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
  RETURN 'step' AS part, x.id AS from, role, r, y, null AS holder, null AS restsOn
  UNION ALL
  UNWIND $facts AS f
  CALL (f) {
    WITH f WHERE f.kind = 'mandate'
    MATCH (g:Entity)-[r:MANDATES {id: f.ref}]->(t:Entity)
    RETURN 'basis' AS role, r, g AS y, t AS holder
    UNION ALL
    WITH f WHERE f.kind IN ['treaty', 'law']
    MATCH (y:Entity {id: f.ref})
    RETURN 'basis' AS role, null AS r, y, null AS holder
    UNION ALL
    WITH f WHERE f.kind = 'not-stated' AND f.act
    MATCH (t:Entity {id: f.actor})<-[r:MANDATES]-(y:Entity)
    WITH r, y, t LIMIT $candidates
    RETURN 'candidate' AS role, r, y, t AS holder
  }
  WITH f, role, r, y, holder
  WHERE r IS NULL OR (
    ($asOfStart IS NULL OR (
      (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
      (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))
    AND (NOT $stated OR r.certainty = 'stated'))
  RETURN 'basis' AS part, coalesce(holder.id, f.actor) AS from, role, r, y, holder, f.factId AS restsOn
}
RETURN part,
       from,
       role,
       restsOn,
       holder {.*} AS holder,
       r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS relationship,
       y {.*} AS node,
       CASE
         WHEN $asOfStart IS NULL OR r IS NULL THEN null
         WHEN r.validFromDate IS NOT NULL THEN 'valid'
         WHEN r.validToDate IS NOT NULL AND r.attestedDate <= date($asOfEnd) THEN 'valid'
         WHEN r.attestedDate >= date({year: date($asOfStart).year}) AND r.attestedDate <= date($asOfEnd) THEN 'attested'
         ELSE 'undated'
       END AS timeStatus
