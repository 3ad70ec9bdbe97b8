// Every Neo4j the tests start runs with the JIT's first tier only (C1), unless the developer's
// own NEO4J_LOCAL_JAVA_OPTS says otherwise. Measured on the 2-core machine: a start and a seed
// load take about 40% less CPU (15.4 + 26.5 s → 9.4 + 15.6 s) and half the wall time; over a
// tier's life, with import-backup and past-reads on top, the shared and scratch Javas took 197 s
// of CPU instead of 270 s. C2's better code does not pay back its compiling in a test run.
// Loaded by the global set-up (the tiers' own Javas, in the main process) and as a setup file
// (the Javas that int files start: db:start, npm start, a restart, an imported copy).
process.env.NEO4J_LOCAL_JAVA_OPTS ??= '-XX:TieredStopAtLevel=1';
