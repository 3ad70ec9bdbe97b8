// A new account, unless the name is taken: then no row comes back and nothing is written.
// Accounts are not :Entity, so no read of the institutional graph ever meets them.
OPTIONAL MATCH (existing:User {name: $name})
WITH existing
WHERE existing IS NULL
CREATE (u:User {name: $name, role: $role, passwordHash: $passwordHash, disabled: false, createdAt: datetime()})
RETURN u.name AS name, u.role AS role
