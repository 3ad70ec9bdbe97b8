// Relationships per type from the count store.
CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
UNWIND data.relationships AS entry
WITH entry
WHERE entry.relationshipType IS NOT NULL AND entry.startLabel IS NULL AND entry.endLabel IS NULL
RETURN entry.relationshipType AS type, entry.count AS count
