// Constraints and indexes, applied at every start; each statement is idempotent.

// Every node carries :Entity and a readable, unique id.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Search over names, English names, aliases and ids. Of the analyzers Neo4j 5.26 offers
// (db.index.fulltext.listAvailableAnalyzers) only 'standard-folding' removes diacritics, so that
// "Varldshalsoorganisationen" finds "Världshälsoorganisationen"; it also drops English stop words
// ("Ministry of Social Affairs"). 'swedish' would stem Swedish but keeps å, ä and ö, and an index
// has one analyzer, so inflections, country adjectives and near misses are the server's part:
// it builds the Lucene query from the words' forms (server/graph/search.ts, docs/search.md).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.nameEn, n.aliasText, n.id]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };

// Label filters in search and schema counts.
CREATE INDEX entity_label IF NOT EXISTS FOR (n:Entity) ON (n.label);

// "Who represents whom in WHO?" starts from the forum.
CREATE INDEX represents_forum IF NOT EXISTS FOR ()-[r:REPRESENTS]-() ON (r.forum);

// Routing chains are read hop by hop.
CREATE INDEX forwards_chain IF NOT EXISTS FOR ()-[r:FORWARDS_REQUESTS_TO]-() ON (r.chain);

// Source documents are found by file name (citations name the file).
CREATE CONSTRAINT source_file IF NOT EXISTS FOR (s:Source) REQUIRE s.file IS UNIQUE;

// A basis names its assignment by fact id: chains and representation answers seek it.
CREATE INDEX mandates_id IF NOT EXISTS FOR ()-[r:MANDATES]-() ON (r.id);

// "Whose delegation?" asked by principal.
CREATE INDEX leads_delegation_principal IF NOT EXISTS FOR ()-[r:LEADS_DELEGATION]-() ON (r.principal);

// Accounts, API tokens and sessions (docs/curation.md): none is an :Entity. Tokens and
// sessions are found by the SHA-256 of the secret a request presents.
CREATE CONSTRAINT user_name IF NOT EXISTS FOR (u:User) REQUIRE u.name IS UNIQUE;
CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.hash IS UNIQUE;
CREATE INDEX api_token_user IF NOT EXISTS FOR (t:ApiToken) ON (t.userName);
CREATE CONSTRAINT session_id_hash IF NOT EXISTS FOR (s:Session) REQUIRE s.idHash IS UNIQUE;
CREATE INDEX session_user IF NOT EXISTS FOR (s:Session) ON (s.userName);
