// The indexes a bulk load into an empty database may drop and build again afterwards: every
// index except the lookup indexes and those behind a constraint (entity_id finds the ends of
// each relationship while loading). Building an index once over the loaded graph is cheaper
// than updating it with every created node (the full-text index above all).
SHOW INDEXES YIELD name, type, owningConstraint
WHERE type <> 'LOOKUP' AND owningConstraint IS NULL
RETURN name
