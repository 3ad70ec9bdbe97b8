// Nodes per label from the count store (constant time, however large the graph).
CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
UNWIND data.nodes AS entry
WITH entry WHERE entry.label IS NOT NULL
RETURN entry.label AS label, entry.count AS count
