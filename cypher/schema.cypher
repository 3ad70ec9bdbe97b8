// Constraints and indexes, applied at every start; each statement is idempotent.

// Every node carries :Entity and a readable, unique id.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Search over names, English names and aliases; the folding analyzer makes
// "Varldshalsoorganisationen" find "Världshälsoorganisationen".
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.nameEn, n.aliasText, n.id]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };

// Label filters in search and schema counts.
CREATE INDEX entity_label IF NOT EXISTS FOR (n:Entity) ON (n.label);

// "Who represents whom in WHO?" starts from the forum.
CREATE INDEX represents_forum IF NOT EXISTS FOR ()-[r:REPRESENTS]-() ON (r.forum);

// Routing chains are read hop by hop.
CREATE INDEX forwards_chain IF NOT EXISTS FOR ()-[r:FORWARDS_REQUESTS_TO]-() ON (r.chain);

// A basis names its assignment by fact id: chains and representation answers seek it.
CREATE INDEX mandates_id IF NOT EXISTS FOR ()-[r:MANDATES]-() ON (r.id);

// "Whose delegation?" asked by principal.
CREATE INDEX leads_delegation_principal IF NOT EXISTS FOR ()-[r:LEADS_DELEGATION]-() ON (r.principal);
