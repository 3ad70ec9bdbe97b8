// Writes nodes in their new state. A retired node named here is brought back (same element,
// same id); a new id creates the node. `rev` is the version of this change set.
UNWIND $rows AS row
OPTIONAL MATCH (old:Retired {id: row.id})
REMOVE old:Retired
SET old:Entity
WITH row
MERGE (n:Entity {id: row.id})
SET n = row.properties
SET n:$(row.label)
SET n.validFromDate = date(row.validFromDay), n.validToDate = date(row.validToDay), n.attestedDate = date(row.attestedDay),
    n.rev = $version
RETURN count(n) AS nodes
