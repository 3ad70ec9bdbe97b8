// Saved views, newest first.
MATCH (v:View)
RETURN v {.*} AS view
ORDER BY v.createdAt DESC
LIMIT $limit
