// export/all-relationships as recorded at version $v: every tie's copy valid then, between the
// copies of its ends valid then, streamed for a whole-graph export.
MATCH (a:Rec)-[r]->(b:Rec)
WHERE r.recFrom <= $v < r.recTo AND a.recFrom <= $v < a.recTo AND b.recFrom <= $v < b.recTo
RETURN r {.*, type: type(r), source: a.id, target: b.id} AS relationship
