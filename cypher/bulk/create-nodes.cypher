// Bulk load into an empty database (or with ids known to be new): CREATE skips the lookup
// MERGE needs. A second load of the same ids fails on the entity_id constraint and writes
// nothing, so the bulk loader only uses this with its resume marker (see bench/load).
UNWIND $rows AS row
CREATE (n:Entity)
SET n = row.properties
SET n:$(row.label)
SET n.validFromDate = date(row.validFromDay), n.validToDate = date(row.validToDay)
RETURN count(n) AS nodes
