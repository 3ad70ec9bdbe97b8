// Writes ties that are not in the live graph (a restore compared it first): CREATE instead of
// MERGE, which for every tie looks through its start node's ties, slow on hubs and in a large
// transaction. A retired tie with the same fact id comes back as this one; its record goes.
UNWIND $rows AS row
OPTIONAL MATCH (t:RetiredTie {id: row.id})
DETACH DELETE t
WITH row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
SET r.validFromDate = date(row.validFromDay), r.validToDate = date(row.validToDay), r.attestedDate = date(row.attestedDay),
    r.rev = $version
RETURN count(r) AS ties
