// Every relationship between entities, streamed for a whole-graph export.
MATCH (a:Entity)-[r]->(b:Entity)
RETURN r {.*, type: type(r), source: a.id, target: b.id} AS relationship
