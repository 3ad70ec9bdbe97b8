// The schema's indexes, without what changes by itself (state, population, read counts, ids).
SHOW INDEXES
YIELD name, type, entityType, labelsOrTypes, properties, indexProvider, owningConstraint
RETURN name, type, entityType, labelsOrTypes, properties, indexProvider, owningConstraint
