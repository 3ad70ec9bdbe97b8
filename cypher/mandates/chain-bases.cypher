// What each act or mandate of a chain rests on (its basis), one level up the chain:
//   kind 'mandate'     → the MANDATES relationship whose fact id is the basisRef, with its giver;
//   kind 'treaty'/'law' → the node the basisRef names;
//   kind 'not-stated'  → no basis; for acts, the mandates its actor holds are offered as
//                         candidates (at most $candidates of them), marked as such by the caller.
// Dates and certainty filter as in mandates/chain-step.
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
RETURN f.factId AS restsOn,
       role,
       coalesce(holder.id, f.actor) AS from,
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
