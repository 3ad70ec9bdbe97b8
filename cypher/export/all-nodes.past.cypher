// export/all-nodes as recorded at version $v: every node's state valid then, streamed in id order.
MATCH (n:RecState)
WHERE n.recTo > $v AND n.recFrom <= $v
RETURN n {.*} AS node
ORDER BY n.id
