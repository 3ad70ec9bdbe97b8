// Every relationship in the store, whatever its type and ends.
MATCH (a)-[r]->(b)
RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, properties(r) AS props,
       [k IN keys(r) | k + ':' + valueType(r[k])] AS types
