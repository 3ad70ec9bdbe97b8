// Every entity with all its labels and properties: the digest of an entity graph carried to
// another store (an export replayed, a backup restored), where the :Source registry is not.
MATCH (n:Entity)
RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props,
       [k IN keys(n) | k + ':' + valueType(n[k])] AS types
