// Removes the accounts whose name starts with $prefix, with their tokens and sessions: how
// tests take back the accounts they made. There is no such command for people: an account
// is disabled, never deleted, so the change log keeps naming a known author.
MATCH (n)
WHERE (n:User AND n.name STARTS WITH $prefix)
   OR ((n:ApiToken OR n:Session) AND n.userName STARTS WITH $prefix)
DETACH DELETE n
RETURN count(*) AS deleted
