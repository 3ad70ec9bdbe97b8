// Disables or enables an account. Disabling also ends its sessions; its tokens stay, refused
// while the account is disabled, so enabling it again gives its scripts back.
MATCH (u:User {name: $name})
SET u.disabled = $disabled
WITH u
CALL (u) {
  MATCH (s:Session {userName: u.name})
  WHERE $disabled
  DELETE s
}
RETURN u.name AS name, u.disabled AS disabled
