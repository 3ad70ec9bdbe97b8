// Every node in the store, whatever its labels (or none): the digest of "nothing was written".
// valueType() keeps a date apart from the string that prints the same.
MATCH (n)
RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props,
       [k IN keys(n) | k + ':' + valueType(n[k])] AS types
