// Upsert a batch of relationships by their key (type, endpoints and qualifiers), so the same
// fact loaded twice is one relationship. Types come from the checked vocabulary.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
WITH r, row, r.rev AS rev
SET r = row.properties
SET r.validFromDate = date(row.validFromDay), r.validToDate = date(row.validToDay), r.attestedDate = date(row.attestedDay),
    r.rev = coalesce(row.properties.rev, rev)
// A load that is not recorded as a change set keeps each tie's `rev`.
RETURN count(r) AS relationships
