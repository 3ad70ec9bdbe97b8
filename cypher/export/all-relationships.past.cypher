// export/all-relationships as recorded at version $v: every tie's copy valid then, between the
// identities of its ends, streamed for a whole-graph export.
MATCH (a:Rec)-[r]->(b:Rec)
WHERE r.recFrom <= $v < r.recTo
RETURN r {.*, type: type(r), source: a.id, target: b.id} AS relationship
