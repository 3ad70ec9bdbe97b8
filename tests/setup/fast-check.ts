// Every property test draws from one fixed seed, so a run is repeatable and CI never goes red
// by the luck of the draw; fast-check names the seed and path in the failure message. Another
// seed explores further: FC_SEED=123 npm test.
import fc from 'fast-check';

const seed = Number(process.env.FC_SEED ?? 20261130);
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got: ${process.env.FC_SEED}`);
fc.configureGlobal({ seed });
