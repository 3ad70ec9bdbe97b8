// One account's tokens, newest first; never their hashes.
MATCH (t:ApiToken {userName: $userName})
RETURN t.id AS id, t.label AS label, toString(t.createdAt) AS createdAt, toString(t.revokedAt) AS revokedAt
ORDER BY t.createdAt DESC, t.id
