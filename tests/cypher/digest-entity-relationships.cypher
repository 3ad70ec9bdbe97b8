// Every tie between entities: the relationship part of an entity-graph digest, which leaves
// out the change log's own links (ChangeSet -HAS_OP-> Op).
MATCH (a:Entity)-[r]->(b:Entity)
RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, properties(r) AS props,
       [k IN keys(r) | k + ':' + valueType(r[k])] AS types
