// Revokes a token (once: a second revocation keeps the first time). $userName limits it to
// the owner's own tokens; null lets an admin or the command line revoke any.
MATCH (t:ApiToken {id: $id})
WHERE $userName IS NULL OR t.userName = $userName
SET t.revokedAt = coalesce(t.revokedAt, datetime())
RETURN t.id AS id, t.userName AS userName, toString(t.revokedAt) AS revokedAt
