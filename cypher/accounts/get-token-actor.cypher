// Who a bearer token belongs to, found by its SHA-256; a revoked token finds nobody.
MATCH (t:ApiToken {hash: $hash})
WHERE t.revokedAt IS NULL
MATCH (u:User {name: t.userName})
RETURN u.name AS name, u.role AS role, u.disabled AS disabled
