// nodes/expand-level as recorded at version $v: one breadth-first step through the tie copies
// valid then at the frontier's identities. A tie valid then has both ends in the graph then, so
// only the neighbours kept are read as their states then (and, with a kind filter, checked by
// it). The layer keeps no degree per version, so the total counts the ties valid then one by one
// (the copies of a tie's earlier states too); otherwise as there.
CALL () {
  UNWIND $frontier AS fid
  MATCH (a:Rec {id: fid})
  WITH sum(COUNT {
        MATCH (a)-[r]-(b:Rec)
        WHERE r.recFrom <= $v < r.recTo
          AND ($types IS NULL OR type(r) IN $types)
          AND ($labels IS NULL OR EXISTS {
            MATCH (bs:RecState {id: b.id}) WHERE bs.recFrom <= $v < bs.recTo AND bs.label IN $labels })
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
  MATCH (a)-[r]-(b:Rec)
  WHERE r.recFrom <= $v < r.recTo
    AND ($types IS NULL OR type(r) IN $types)
    AND ($labels IS NULL OR EXISTS {
      MATCH (bs:RecState {id: b.id}) WHERE bs.recFrom <= $v < bs.recTo AND bs.label IN $labels })
    AND ($direction = 'both' OR ($direction = 'out') = (startNode(r) = a))
    AND ($asOfStart IS NULL OR (
      (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
      (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))
    AND (NOT $stated OR r.certainty = 'stated')
    AND NOT r.key IN $seenKeys
  WITH r, b LIMIT $limit
  MATCH (bs:RecState {id: b.id})
  WHERE bs.recFrom <= $v < bs.recTo
  RETURN collect(r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id,
                    timeStatus: CASE
                      WHEN $asOfStart IS NULL THEN null
                      WHEN r.validFromDate IS NOT NULL THEN 'valid'
                      WHEN r.validToDate IS NOT NULL AND r.attestedDate <= date($asOfEnd) THEN 'valid'
                      WHEN r.attestedDate >= date({year: date($asOfStart).year}) AND r.attestedDate <= date($asOfEnd) THEN 'attested'
                      ELSE 'undated'
                    END}) AS relationships,
         collect(DISTINCT bs {.*}) AS nodes
}
RETURN total, relationships, nodes
