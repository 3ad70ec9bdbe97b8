// representation/find-representations as recorded at version $v: the same question asked of
// the layer then (docs/curation.md §3): ties are the copies valid then (recFrom <= $v < recTo on
// every tie it matches, inside the quantified patterns for the variable-length ones) between
// identities (:Rec for :Entity); a tie valid then has both ends in the graph then, a node named
// by id must have a state then, and every node it gives (or orders by name) is its state then.
CALL () {
  WITH 1 AS _ WHERE $agent IS NOT NULL
  MATCH (a:Rec)(()-[q:PART_OF|DIRECTS|WORKS_AT|HOLDS_POST WHERE q.recFrom <= $v < q.recTo]->()){0,2}(top:Rec {id: $agent})
  WHERE EXISTS { MATCH (s:RecState {id: $agent}) WHERE s.recFrom <= $v < s.recTo }
  MATCH (a)-[r:REPRESENTS|LEADS_DELEGATION|PARTICIPATES_IN]->(x:Rec)
  WHERE r.recFrom <= $v < r.recTo
    AND (type(r) <> 'PARTICIPATES_IN' OR r.capacity = 'expert-authority')
  RETURN a, r, x
  UNION
  WITH 1 AS _ WHERE $agent IS NULL AND $principal IS NOT NULL
  MATCH (target:Rec {id: $principal})
  WHERE EXISTS { MATCH (s:RecState {id: $principal}) WHERE s.recFrom <= $v < s.recTo }
  MATCH (p:Rec)(()-[q:PART_OF WHERE q.recFrom <= $v < q.recTo]->()){0,2}(target)
  WITH collect(p) AS ps, collect(p.id) AS pids
  CALL (ps, pids) {
    UNWIND ps AS p
    MATCH (a:Rec)-[r:REPRESENTS]->(p)
    WHERE r.recFrom <= $v < r.recTo
    RETURN a, r, p AS x
    UNION
    MATCH (a:Rec)-[r:LEADS_DELEGATION]->(x:Rec)
    WHERE r.principal IN pids AND r.recFrom <= $v < r.recTo
    RETURN a, r, x
  }
  RETURN a, r, x
  UNION
  WITH 1 AS _ WHERE $agent IS NULL AND $principal IS NULL AND $forum IS NOT NULL
  MATCH (forum:Rec {id: $forum})
  WHERE EXISTS { MATCH (s:RecState {id: $forum}) WHERE s.recFrom <= $v < s.recTo }
  OPTIONAL MATCH (part:Rec)(()-[q:PART_OF WHERE q.recFrom <= $v < q.recTo]->()){1,2}(forum)
  WITH forum, collect(DISTINCT part) AS parts
  WITH [forum] + parts AS organs
  UNWIND organs AS organ
  OPTIONAL MATCH (g:Rec)-[gi:INCLUDES]->(organ)
  WHERE gi.recFrom <= $v < gi.recTo
  WITH organs, collect(DISTINCT g) AS groups
  WITH organs + groups AS forums
  WITH forums, [f IN forums | f.id] AS forumIds
  CALL (forumIds, forums) {
    MATCH (a:Rec)-[r:REPRESENTS]->(x:Rec)
    WHERE r.forum IN forumIds AND r.recFrom <= $v < r.recTo
    RETURN a, r, x
    UNION
    UNWIND forums AS f
    MATCH (a:Rec)-[r:LEADS_DELEGATION]->(f)
    WHERE r.recFrom <= $v < r.recTo
    RETURN a, r, f AS x
    UNION
    MATCH (a:Rec)-[r:PARTICIPATES_IN {capacity: 'expert-authority'}]->(x:Rec)
    WHERE x.id IN forumIds AND r.recFrom <= $v < r.recTo
    RETURN a, r, x
  }
  RETURN a, r, x
  UNION
  WITH 1 AS _ WHERE $agent IS NULL AND $principal IS NULL AND $forum IS NULL
  MATCH (a:Rec)-[r:REPRESENTS|LEADS_DELEGATION|PARTICIPATES_IN]->(x:Rec)
  WHERE r.recFrom <= $v < r.recTo
    AND (type(r) <> 'PARTICIPATES_IN' OR r.capacity = 'expert-authority')
  RETURN a, r, x
}
WITH a, r, x,
     CASE type(r) WHEN 'REPRESENTS' THEN r.forum WHEN 'LEADS_DELEGATION' THEN x.id ELSE x.id END AS forumId,
     CASE type(r) WHEN 'REPRESENTS' THEN x.id WHEN 'LEADS_DELEGATION' THEN r.principal ELSE null END AS principalId
WHERE ($capacity IS NULL OR r.capacity = $capacity)
  AND (NOT $stated OR r.certainty = 'stated')
OPTIONAL MATCH (ps:RecState {id: principalId})
WHERE ps.recFrom <= $v < ps.recTo
OPTIONAL MATCH (p:Rec {id: ps.id})
OPTIONAL MATCH (fs:RecState {id: forumId})
WHERE fs.recFrom <= $v < fs.recTo
OPTIONAL MATCH (f:Rec {id: fs.id})
MATCH (agentState:RecState {id: a.id})
WHERE agentState.recFrom <= $v < agentState.recTo
WITH a, agentState, r, p, ps, f, fs
WHERE ($principal IS NULL OR p.id = $principal OR EXISTS {
        (p)(()-[q:PART_OF WHERE q.recFrom <= $v < q.recTo]->()){1,2}(:Rec {id: $principal}) })
  AND ($forum IS NULL OR EXISTS {
        (f)(()-[q:INCLUDES WHERE q.recFrom <= $v < q.recTo]->()){0,1}(:Rec)(()-[q2:PART_OF WHERE q2.recFrom <= $v < q2.recTo]->()){0,2}(:Rec {id: $forum}) })
WITH a, agentState, r, p, ps, f, fs ORDER BY coalesce(fs.name, ''), agentState.name, r.validFromDate LIMIT $limit
OPTIONAL MATCH (asked:RecState {id: $agent})
WHERE asked.recFrom <= $v < asked.recTo
WITH a, agentState, r, ps, f, fs, CASE WHEN asked IS NOT NULL AND asked.id <> a.id THEN asked END AS actsFor
CALL () {
  OPTIONAL MATCH (fas:RecState {id: $forum})
  WHERE fas.recFrom <= $v < fas.recTo
  OPTIONAL MATCH (fa:Rec {id: fas.id})
  OPTIONAL MATCH (organ:Rec)(()-[q:PART_OF WHERE q.recFrom <= $v < q.recTo]->()){1,2}(fa)
  RETURN fas {.*} AS askedForum, collect(DISTINCT organ.id) AS forumParts
}
CALL (f) {
  OPTIONAL MATCH (f)-[i:INCLUDES]->(m:Rec)
  WHERE i.recFrom <= $v < i.recTo
  WITH i, m LIMIT 100
  OPTIONAL MATCH (ms:RecState {id: m.id})
  WHERE ms.recFrom <= $v < ms.recTo
  RETURN collect(ms {.*}) AS members, collect(i {.*, type: type(i), source: f.id, target: m.id}) AS memberTies
}
CALL (r) {
  OPTIONAL MATCH (giver:Rec)-[m:MANDATES {factId: r.basisRef}]->(holder:Rec)
  WHERE r.basisKind = 'mandate' AND m.recFrom <= $v < m.recTo
  WITH giver, m, holder LIMIT 1
  OPTIONAL MATCH (gs:RecState {id: giver.id})
  WHERE gs.recFrom <= $v < gs.recTo
  OPTIONAL MATCH (hs:RecState {id: holder.id})
  WHERE hs.recFrom <= $v < hs.recTo
  RETURN gs {.*} AS basisGiver, hs {.*} AS basisHolder,
         m {.*, type: type(m), source: giver.id, target: holder.id} AS basisMandate
}
CALL (r) {
  OPTIONAL MATCH (b:RecState {id: r.basisRef})
  WHERE r.basisKind IN ['treaty', 'law'] AND b.recFrom <= $v < b.recTo
  RETURN b {.*} AS basisNode
}
WITH *,
     CASE
       WHEN $asOfStart IS NULL THEN null
       WHEN r.validFromDate IS NOT NULL THEN 'valid'
       WHEN r.validToDate IS NOT NULL AND r.attestedDate <= date($asOfEnd) THEN 'valid'
       WHEN r.attestedDate >= date({year: date($asOfStart).year}) AND r.attestedDate <= date($asOfEnd) THEN 'attested'
       ELSE 'undated'
     END AS timeStatus,
     $asOfStart IS NULL OR (
       (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
       (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))) AS inSpan
CALL (a, r, f) {
  OPTIONAL MATCH (a)-[t:PARTICIPATES_IN|MEMBER_OF|LEADS_DELEGATION|CHAIRS]->(f)
  WHERE t <> r AND t.recFrom <= $v < t.recTo
  RETURN collect(t {.*, type: type(t), source: a.id, target: f.id}) AS forumTies
}
RETURN agentState {.*} AS agent,
       actsFor {.*} AS actsFor,
       askedForum, forumParts,
       ps {.*} AS principal,
       fs {.*} AS forum,
       members, memberTies, basisGiver, basisHolder, basisMandate, basisNode,
       r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS relationship,
       forumTies, timeStatus, inSpan
ORDER BY coalesce(forum.name, ''), agent.name, relationship.validFrom
