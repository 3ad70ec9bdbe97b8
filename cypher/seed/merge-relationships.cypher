// Upsert a batch of relationships by their key (type, endpoints and qualifiers), so the same
// fact loaded twice is one relationship. Types come from the checked vocabulary.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
SET r = row.properties
SET r.validFromDate = date(row.validFromDay), r.validToDate = date(row.validToDay), r.attestedDate = date(row.attestedDay)
RETURN count(r) AS relationships
