// A new password ends every session of the account: whoever knew the old one is signed out.
MATCH (u:User {name: $name})
SET u.passwordHash = $passwordHash
WITH u
CALL (u) {
  MATCH (s:Session {userName: u.name})
  DELETE s
}
RETURN u.name AS name
