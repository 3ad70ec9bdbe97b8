// Relationships per type from the count store, counting those that leave an :Entity: the live
// graph's, not the recorded-states layer's copies (which join :Rec nodes, docs/curation.md §3).
CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
UNWIND data.relationships AS entry
WITH entry
WHERE entry.relationshipType IS NOT NULL AND entry.startLabel = 'Entity' AND entry.endLabel IS NULL
RETURN entry.relationshipType AS type, entry.count AS count
