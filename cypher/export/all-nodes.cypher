// Every node, streamed in id order for a whole-graph export; the IS NOT NULL lets the
// planner read the order from the id index instead of sorting in memory.
MATCH (n:Entity)
WHERE n.id IS NOT NULL
RETURN n {.*} AS node
ORDER BY n.id
