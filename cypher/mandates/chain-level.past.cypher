// mandates/chain-level as recorded at version $v: the same level of the chain through the tie
// copies valid then between identities (:Rec for :Entity, recFrom <= $v < recTo on every tie; a
// tie valid then has both ends in the graph then). The nodes it reaches are given as their
// states then, read at the end; a basis names its assignment by fact id, which a copy keeps as
// factId, and a law or treaty named as a basis counts only if it was in the graph then.
CALL () {
  UNWIND $frontier AS f
  MATCH (x:Rec {id: f.id})
  CALL (x, f) {
    // Each guard comes before its MATCH, so a giver's thousands of incoming ties are never read.
    WITH x, f WHERE f.full AND f.holders
    MATCH (x)<-[r:HOLDS_POST]-(y:Rec)
    WHERE r.recFrom <= $v < r.recTo
    RETURN 'held-by' AS role, r, y
    UNION ALL
    WITH x, f WHERE f.full
    MATCH (x)-[r:HOLDS_POST]->(y:Rec)
    WHERE r.recFrom <= $v < r.recTo
    RETURN 'holds-post' AS role, r, y
    UNION ALL
    WITH x, f WHERE f.full
    MATCH (x)<-[r:APPOINTS|ESTABLISHES]-(y:Rec)
    WHERE r.recFrom <= $v < r.recTo
    RETURN 'act' AS role, r, y
    UNION ALL
    WITH x, f WHERE f.full
    MATCH (x)<-[r:MANDATES]-(y:Rec)
    WHERE r.recFrom <= $v < r.recTo
    RETURN 'mandate' AS role, r, y
    UNION ALL
    MATCH (x)-[r:UNDER|PART_OF]->(y:Rec)
    WHERE r.recFrom <= $v < r.recTo
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
    WHERE r.recFrom <= $v < r.recTo
    RETURN 'basis' AS role, r, g AS y, t AS holder
    UNION ALL
    WITH f WHERE f.kind IN ['treaty', 'law']
    MATCH (y:Rec {id: f.ref})
    WHERE EXISTS { MATCH (s:RecState {id: f.ref}) WHERE s.recFrom <= $v < s.recTo }
    RETURN 'basis' AS role, null AS r, y, null AS holder
    UNION ALL
    WITH f WHERE f.kind = 'not-stated' AND f.act
    MATCH (t:Rec {id: f.actor})<-[r:MANDATES]-(y:Rec)
    WHERE r.recFrom <= $v < r.recTo
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
OPTIONAL MATCH (ys:RecState {id: y.id})
WHERE ys.recFrom <= $v < ys.recTo
OPTIONAL MATCH (hs:RecState {id: holder.id})
WHERE hs.recFrom <= $v < hs.recTo
RETURN part,
       from,
       role,
       restsOn,
       hs {.*} AS holder,
       r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS relationship,
       ys {.*} AS node,
       CASE
         WHEN $asOfStart IS NULL OR r IS NULL THEN null
         WHEN r.validFromDate IS NOT NULL THEN 'valid'
         WHEN r.validToDate IS NOT NULL AND r.attestedDate <= date($asOfEnd) THEN 'valid'
         WHEN r.attestedDate >= date({year: date($asOfStart).year}) AND r.attestedDate <= date($asOfEnd) THEN 'attested'
         ELSE 'undated'
       END AS timeStatus
