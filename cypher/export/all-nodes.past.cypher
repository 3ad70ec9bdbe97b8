// export/all-nodes as recorded at version $v: every node's copy valid then, streamed in id order.
MATCH (n:Rec)
WHERE n.id IS NOT NULL AND n.recFrom <= $v < n.recTo
RETURN n {.*} AS node
ORDER BY n.id
