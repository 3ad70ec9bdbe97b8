// Every change set starts here: the graph's version counter is created once and write-locked
// until the transaction ends, so change sets are applied one after another and each reads the
// elements' `rev` only after the previous one has committed (no lost update). A counter made
// over an empty graph has the recorded-states layer from version 0 (docs/curation.md §3).
CALL () { MATCH (e:Entity) RETURN count(e) = 0 AS empty }
MERGE (g:GraphVersion {id: 'graph'})
ON CREATE SET g.version = 0,
              g.layerFrom = CASE WHEN empty THEN 0 END,
              g.layerAt = CASE WHEN empty THEN 0 END
SET g._lock = true
REMOVE g._lock
RETURN g.version AS version
