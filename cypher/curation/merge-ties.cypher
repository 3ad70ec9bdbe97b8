// Writes ties in their new state, found by fact id between their ends; a retired tie named
// here comes back as a live one and its retirement record is removed (its Op keeps it).
UNWIND $rows AS row
OPTIONAL MATCH (t:RetiredTie {id: row.id})
DETACH DELETE t
WITH row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r = row.properties
SET r.validFromDate = date(row.validFromDay), r.validToDate = date(row.validToDay), r.attestedDate = date(row.attestedDay),
    r.rev = $version
RETURN count(r) AS ties
