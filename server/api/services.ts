// What route handlers may use: the database, the configuration and the logger.
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { ConsoleLayers } from '../graph/console-guard.ts';
import type { AnswerCache } from './answer-cache.ts';
import type { EditorsFirst } from './editors-first.ts';
import type { ReadLanes } from './read-lanes.ts';

export interface Services {
  db: Database;
  config: Config;
  log: Logger;
  version: string;
  /**
   * The read-only console's first two layers, replaceable so that a test can switch one off and
   * show that the next one still refuses writes on its own; the defaults are the real checks.
   */
  consoleLayers?: Partial<ConsoleLayers>;
  /** Read answers by data version; createApp makes one when none is given (server/api/answer-cache.ts). */
  answers?: AnswerCache;
  /**
   * Readers' turns, per client; a read of the past in a lane of its own (server/api/read-lanes.ts);
   * both held while an editor's write runs (server/api/editors-first.ts).
   */
  lanes?: { reads: ReadLanes; past: ReadLanes; editors?: EditorsFirst };
}
