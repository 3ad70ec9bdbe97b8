// Every account with its live tokens and sessions counted; never a hash.
MATCH (u:User)
CALL (u) {
  OPTIONAL MATCH (t:ApiToken {userName: u.name})
  WHERE t.revokedAt IS NULL
  RETURN count(t) AS tokens
}
CALL (u) {
  OPTIONAL MATCH (s:Session {userName: u.name})
  WHERE s.expiresAt > datetime()
  RETURN count(s) AS sessions
}
RETURN u.name AS name, u.role AS role, u.disabled AS disabled, toString(u.createdAt) AS createdAt, tokens, sessions
ORDER BY name
