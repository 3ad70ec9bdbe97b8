// nodes/expand-level as recorded at version $v: one breadth-first step among the copies valid
// then. The layer keeps no degree per version, so the total counts the ties valid then one by
// one (a hub's copies of earlier states too); otherwise as there.
CALL () {
  UNWIND $frontier AS fid
  MATCH (a:Rec {id: fid})
  WHERE a.recFrom <= $v < a.recTo
  WITH sum(COUNT {
        MATCH (a)-[r]-(b:Rec)
        WHERE r.recFrom <= $v < r.recTo
          AND ($types IS NULL OR type(r) IN $types)
          AND ($labels IS NULL OR b.label IN $labels)
          AND ($direction = 'both' OR ($direction = 'out') = (startNode(r) = a))
          AND ($asOfStart IS NULL OR (
            (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
            (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))
          AND (NOT $stated OR r.certainty = 'stated')
          AND (NOT r.key IN $seenKeys OR ($types IS NULL AND $labels IS NULL AND $asOfStart IS NULL AND NOT $stated))
      }) AS counted
  WITH counted - CASE WHEN $types IS NULL AND $labels IS NULL AND $asOfStart IS NULL AND NOT $stated THEN $seenIncident ELSE 0 END AS total
  RETURN CASE WHEN total < 0 THEN 0 ELSE total END AS total
}
CALL () {
  UNWIND $frontier AS fid
  MATCH (a:Rec {id: fid})
  WHERE a.recFrom <= $v < a.recTo
  MATCH (a)-[r]-(b:Rec)
  WHERE r.recFrom <= $v < r.recTo AND b.recFrom <= $v < b.recTo
    AND ($types IS NULL OR type(r) IN $types)
    AND ($labels IS NULL OR b.label IN $labels)
    AND ($direction = 'both' OR ($direction = 'out') = (startNode(r) = a))
    AND ($asOfStart IS NULL OR (
      (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
      (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))
    AND (NOT $stated OR r.certainty = 'stated')
    AND NOT r.key IN $seenKeys
  WITH r, b LIMIT $limit
  RETURN collect(r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id,
                    timeStatus: CASE
                      WHEN $asOfStart IS NULL THEN null
                      WHEN r.validFromDate IS NOT NULL THEN 'valid'
                      WHEN r.validToDate IS NOT NULL AND r.attestedDate <= date($asOfEnd) THEN 'valid'
                      WHEN r.attestedDate >= date({year: date($asOfStart).year}) AND r.attestedDate <= date($asOfEnd) THEN 'attested'
                      ELSE 'undated'
                    END}) AS relationships,
         collect(DISTINCT b {.*}) AS nodes
}
RETURN total, relationships, nodes
