// The time limit per transaction of the tests' own API servers.

/**
 * The tests' time limit per transaction, instead of the API's 10 s. Tests check answers, not
 * speed (benchmarks do that): the first file of the int tier asks the first questions of a newly
 * started Java while the e2e tier starts its own, and on the loaded two-core CI machine a cold
 * representation (1.9 s when quiet) once ran past 10 s and answered 408. The tests of the limit
 * itself set theirs (api-errors, console-hostile).
 */
export const TEST_QUERY_TIMEOUT_MS = 60_000;
