// Every change set starts here: the graph's version counter is created once and write-locked
// until the transaction ends, so change sets are applied one after another and each reads the
// elements' `rev` only after the previous one has committed (no lost update).
MERGE (g:GraphVersion {id: 'graph'})
ON CREATE SET g.version = 0
SET g._lock = true
REMOVE g._lock
RETURN g.version AS version
