// Whole-graph counts, answered from Neo4j's count store in constant time. The change log's own
// links (ChangeSet -HAS_OP-> Op) are history beside the graph, and so are the recorded-states
// layer's copies (ties between :Rec nodes, docs/curation.md §3): both are taken off.
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS total }
CALL () { MATCH ()-[r:HAS_OP]->() RETURN count(r) AS history }
CALL () { MATCH (:Rec)-[r]->() RETURN count(r) AS recorded }
RETURN nodes, total - history - recorded AS relationships
