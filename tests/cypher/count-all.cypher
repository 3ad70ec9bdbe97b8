// Every entity and every relationship in the store, counted apart from any exporter's queries.
// The source documents (:Source) are a registry beside the graph, not entities: exports and
// backups carry the entity graph, and restores leave the registry in place. The change log's
// links (ChangeSet -HAS_OP-> Op) are history beside the graph too.
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS relationships }
RETURN nodes, relationships
