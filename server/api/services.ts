// What route handlers may use: the database, the configuration and the logger.
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';

export interface Services {
  db: Database;
  config: Config;
  log: Logger;
  version: string;
}
