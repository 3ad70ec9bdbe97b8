// The relationships an import would touch that the graph already holds, found from their
// endpoints (index seeks) and matched by key, so conflicts can be reported before writing.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})-[r]->(b:Entity {id: row.to})
WHERE r.key = row.key
RETURN r.key AS key, r {.*} AS properties
