// Bulk load into an empty database (or with ids known to be new): CREATE skips the lookup
// MERGE needs. Rows are compact lists [label, properties, validFromDay, validToDay] because
// packing map keys for every row costs the driver more than the write itself. A second load
// of the same ids fails on the entity_id constraint and writes nothing; the bulk loader's
// batch markers make sure it never sends a committed batch again.
// Each new node's element id comes back, so the relationship batches can find their ends by
// element id instead of through the entity_id index.
UNWIND $rows AS row
CREATE (n:Entity)
SET n = row[1], n:$(row[0]), n.validFromDate = date(row[2]), n.validToDate = date(row[3])
RETURN count(n) AS nodes, collect([n.id, elementId(n)]) AS created
