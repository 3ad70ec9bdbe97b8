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

// Curation (docs/curation.md). The version counter, change sets and their operations, retired
// records and saved views are not :Entity, so no read of the current graph sees them.
CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (g:GraphVersion) REQUIRE g.id IS UNIQUE;
CREATE CONSTRAINT change_set_id IF NOT EXISTS FOR (c:ChangeSet) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT change_set_version IF NOT EXISTS FOR (c:ChangeSet) REQUIRE c.version IS UNIQUE;
CREATE INDEX op_element IF NOT EXISTS FOR (o:Op) ON (o.elementId);
CREATE CONSTRAINT retired_id IF NOT EXISTS FOR (n:Retired) REQUIRE n.id IS UNIQUE;
CREATE INDEX retired_tie_id IF NOT EXISTS FOR (t:RetiredTie) ON (t.id);
CREATE CONSTRAINT view_id IF NOT EXISTS FOR (v:View) REQUIRE v.id IS UNIQUE;

// A tie is edited by its fact id: one index per type, since Neo4j indexes relationship
// properties per type (MANDATES has mandates_id above). cypher/curation/tie-states.cypher seeks them.
CREATE INDEX tie_id_part_of IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.id);
CREATE INDEX tie_id_under IF NOT EXISTS FOR ()-[r:UNDER]-() ON (r.id);
CREATE INDEX tie_id_member_of IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.id);
CREATE INDEX tie_id_participates_in IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() ON (r.id);
CREATE INDEX tie_id_represents IF NOT EXISTS FOR ()-[r:REPRESENTS]-() ON (r.id);
CREATE INDEX tie_id_appoints IF NOT EXISTS FOR ()-[r:APPOINTS]-() ON (r.id);
CREATE INDEX tie_id_holds_post IF NOT EXISTS FOR ()-[r:HOLDS_POST]-() ON (r.id);
CREATE INDEX tie_id_chairs IF NOT EXISTS FOR ()-[r:CHAIRS]-() ON (r.id);
CREATE INDEX tie_id_leads_delegation IF NOT EXISTS FOR ()-[r:LEADS_DELEGATION]-() ON (r.id);
CREATE INDEX tie_id_contact_point_for IF NOT EXISTS FOR ()-[r:CONTACT_POINT_FOR]-() ON (r.id);
CREATE INDEX tie_id_cooperates_with IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() ON (r.id);
CREATE INDEX tie_id_forwards_requests_to IF NOT EXISTS FOR ()-[r:FORWARDS_REQUESTS_TO]-() ON (r.id);
CREATE INDEX tie_id_funds IF NOT EXISTS FOR ()-[r:FUNDS]-() ON (r.id);
CREATE INDEX tie_id_supports IF NOT EXISTS FOR ()-[r:SUPPORTS]-() ON (r.id);
CREATE INDEX tie_id_has_agreement_with IF NOT EXISTS FOR ()-[r:HAS_AGREEMENT_WITH]-() ON (r.id);
CREATE INDEX tie_id_based_on IF NOT EXISTS FOR ()-[r:BASED_ON]-() ON (r.id);
CREATE INDEX tie_id_party_to IF NOT EXISTS FOR ()-[r:PARTY_TO]-() ON (r.id);
CREATE INDEX tie_id_establishes IF NOT EXISTS FOR ()-[r:ESTABLISHES]-() ON (r.id);
CREATE INDEX tie_id_coordinates IF NOT EXISTS FOR ()-[r:COORDINATES]-() ON (r.id);
CREATE INDEX tie_id_works_at IF NOT EXISTS FOR ()-[r:WORKS_AT]-() ON (r.id);
CREATE INDEX tie_id_directs IF NOT EXISTS FOR ()-[r:DIRECTS]-() ON (r.id);
CREATE INDEX tie_id_authored IF NOT EXISTS FOR ()-[r:AUTHORED]-() ON (r.id);
CREATE INDEX tie_id_includes IF NOT EXISTS FOR ()-[r:INCLUDES]-() ON (r.id);

// The recorded-states layer (docs/curation.md, "History design v2" §3): each node ever recorded
// has one identity (:Rec {id, label}), which the copies of its ties join, and one (:RecState)
// per state it has had, valid for versions [recFrom, recTo); the open one has recTo = the largest
// integer. A read as recorded at V finds a node's identity by id and its state valid at V by
// (id, recTo > V), so it reads the states of that node only; the funnel finds the open state by
// (id, recTo). The names are searched among the states.
CREATE INDEX rec_id IF NOT EXISTS FOR (n:Rec) ON (n.id);
CREATE INDEX rec_state_id_to IF NOT EXISTS FOR (n:RecState) ON (n.id, n.recTo);
CREATE INDEX rec_state_to IF NOT EXISTS FOR (n:RecState) ON (n.recTo);
CREATE FULLTEXT INDEX rec_state_names IF NOT EXISTS FOR (n:RecState) ON EACH [n.name, n.nameEn, n.aliasText, n.id]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
// Copies of ties keep their fact id as factId (so no live read that seeks a tie by id meets
// them); a basis names its assignment by fact id, so the past chain seeks MANDATES copies by it.
CREATE INDEX rec_mandates_fact IF NOT EXISTS FOR ()-[r:MANDATES]-() ON (r.factId);
