// Signing out: the session is gone, whatever the cookie still says.
MATCH (s:Session {idHash: $idHash})
DELETE s
RETURN count(*) AS ended
