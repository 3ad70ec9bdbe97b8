// mandates/chain-level as recorded at version $v: the same level of the chain among the copies
// valid then (:Rec for :Entity, recFrom <= $v < recTo on every node and tie; a basis names its
// assignment by fact id, which a copy keeps as factId).
CALL () {
  UNWIND $frontier AS f
  MATCH (x:Rec {id: f.id})
  WHERE x.recFrom <= $v < x.recTo
  CALL (x, f) {
    // Each guard comes before its MATCH, so a giver's thousands of incoming ties are never read.
    WITH x, f WHERE f.full AND f.holders
    MATCH (x)<-[r:HOLDS_POST]-(y:Rec)
    WHERE r.recFrom <= $v < r.recTo AND y.recFrom <= $v < y.recTo
    RETURN 'held-by' AS role, r, y
    UNION ALL
    WITH x, f WHERE f.full
    MATCH (x)-[r:HOLDS_POST]->(y:Rec)
    WHERE r.recFrom <= $v < r.recTo AND y.recFrom <= $v < y.recTo
    RETURN 'holds-post' AS role, r, y
    UNION ALL
    WITH x, f WHERE f.full
    MATCH (x)<-[r:APPOINTS|ESTABLISHES]-(y:Rec)
    WHERE r.recFrom <= $v < r.recTo AND y.recFrom <= $v < y.recTo
    RETURN 'act' AS role, r, y
    UNION ALL
    WITH x, f WHERE f.full
    MATCH (x)<-[r:MANDATES]-(y:Rec)
    WHERE r.recFrom <= $v < r.recTo AND y.recFrom <= $v < y.recTo
    RETURN 'mandate' AS role, r, y
    UNION ALL
    MATCH (x)-[r:UNDER|PART_OF]->(y:Rec)
    WHERE r.recFrom <= $v < r.recTo AND y.recFrom <= $v < y.recTo
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
    MATCH (g:Rec)-[r:MANDATES {factId: f.ref}]->(t:Rec)
    WHERE r.recFrom <= $v < r.recTo AND g.recFrom <= $v < g.recTo AND t.recFrom <= $v < t.recTo
    RETURN 'basis' AS role, r, g AS y, t AS holder
    UNION ALL
    WITH f WHERE f.kind IN ['treaty', 'law']
    MATCH (y:Rec {id: f.ref})
    WHERE y.recFrom <= $v < y.recTo
    RETURN 'basis' AS role, null AS r, y, null AS holder
    UNION ALL
    WITH f WHERE f.kind = 'not-stated' AND f.act
    MATCH (t:Rec {id: f.actor})<-[r:MANDATES]-(y:Rec)
    WHERE t.recFrom <= $v < t.recTo AND r.recFrom <= $v < r.recTo AND y.recFrom <= $v < y.recTo
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
