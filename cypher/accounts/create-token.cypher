// A personal API token for an existing account; only the token's SHA-256 is stored.
MATCH (u:User {name: $userName})
CREATE (t:ApiToken {id: $id, userName: u.name, label: $label, hash: $hash, createdAt: datetime()})
RETURN t.id AS id, t.label AS label, toString(t.createdAt) AS createdAt
