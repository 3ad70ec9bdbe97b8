// The live ties waiting for review because a new text of a cited document changed their lines.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.review IS NOT NULL
OPTIONAL MATCH (f:Entity {id: r.forum})
RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props,
       properties(a) AS fromNode, properties(b) AS toNode, properties(f) AS forumNode
ORDER BY r.reviewSince, r.id
