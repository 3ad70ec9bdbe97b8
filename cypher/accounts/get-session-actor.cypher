// Who a session cookie belongs to, found by the id's SHA-256; an expired session finds nobody.
MATCH (s:Session {idHash: $idHash})
WHERE s.expiresAt > datetime()
MATCH (u:User {name: s.userName})
RETURN u.name AS name, u.role AS role, u.disabled AS disabled
