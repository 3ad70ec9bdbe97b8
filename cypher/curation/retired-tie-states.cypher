// Retired ties by fact id: their record as it was when retired.
UNWIND $ids AS id
MATCH (t:RetiredTie {id: id})
RETURN id, t.type AS type, t.from AS from, t.to AS to, t.properties AS properties, t.rev AS rev
