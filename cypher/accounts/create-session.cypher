// A session after a correct password; the same account's expired sessions are removed on the
// way, so they do not pile up. Only the session id's SHA-256 is stored; the CSRF token is
// derived from the id (server/auth/secrets.ts), so it is not stored either.
MATCH (u:User {name: $userName})
CALL (u) {
  MATCH (old:Session {userName: u.name})
  WHERE old.expiresAt <= datetime()
  DELETE old
}
CREATE (s:Session {
  idHash: $idHash,
  userName: u.name,
  createdAt: datetime(),
  expiresAt: datetime() + duration({hours: $ttlHours})
})
RETURN toString(s.expiresAt) AS expiresAt
