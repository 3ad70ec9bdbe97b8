// Drops one index by name (a name read from bulk/list-deferrable-indexes, passed as a parameter).
DROP INDEX $name IF EXISTS
