// The live nodes waiting for review because a new text of a cited document changed their lines.
MATCH (n:Entity)
WHERE n.review IS NOT NULL
RETURN n.id AS id, properties(n) AS props
ORDER BY n.reviewSince, n.id
