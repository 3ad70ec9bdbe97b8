// Bulk load of relationships whose keys are known to be new: both ends are found through the
// entity_id index and the relationship is created without MERGE's scan of the start node's
// existing ties, which is what makes MERGE slow on hubs with many thousands of them.
// Rows whose ends are missing create nothing; the returned count tells the loader how many did.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
SET r.validFromDate = date(row.validFromDay), r.validToDate = date(row.validToDay)
RETURN count(r) AS relationships
