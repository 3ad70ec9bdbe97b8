// Configuration as the README documents it: defaults, what each variable accepts, and a wrong
// value named in one line (secrets never echoed).
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

const fails = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).name).toBe('ConfigError');
    return (err as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('loadConfig', () => {
  it('has the README defaults', () => {
    expect(loadConfig({})).toEqual({
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: '',
      NEO4J_LOCAL_PORT: 7687,
      PORT: 3000,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      QUERY_TIMEOUT_MS: 10_000,
      CONSOLE_ROW_LIMIT: 1000,
      RATE_LIMIT_PER_MINUTE: 600,
      SERVE_WEB: true,
      SEED_ON_START: true,
      READ_REQUIRES_SIGN_IN: false,
      SESSION_TTL_HOURS: 12,
      SIGN_IN_ATTEMPTS_PER_MINUTE: 5,
      ANSWER_CACHE_BYTES: 64 * 1024 * 1024,
      READ_CONCURRENCY: 16,
      READ_CONCURRENCY_PER_CLIENT: 4,
      READ_QUEUE_PER_CLIENT: 16,
      READ_QUEUE: 256,
      PAST_READ_CONCURRENCY: Math.max(1, availableParallelism()),
      EDITORS_FIRST_MS: 2_000,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', NEO4J_URI: '' })).toMatchObject({ PORT: 3000 });
    expect(loadConfig({ NEO4J_URI: '' }).NEO4J_URI).toBeUndefined();
  });

  it.each(['bolt://localhost:7687', 'neo4j://h', 'neo4j+s://db.example:7687', 'bolt+ssc://10.0.0.1', 'bolt+s://h'])(
    'accepts the URI %s',
    (uri) => {
      expect(loadConfig({ NEO4J_URI: uri }).NEO4J_URI).toBe(uri);
    },
  );

  it.each(['http://localhost:7474', 'bolt://', 'bolt://a b', 'xbolt://h', 'bolt://h\n', 'neo4j+x://h'])('refuses the URI %j', (uri) => {
    expect(fails({ NEO4J_URI: uri })).toMatch(
      /^Invalid configuration: NEO4J_URI: expected a Bolt URI such as bolt:\/\/localhost:7687 or neo4j\+s:\/\/host \(got ".*"\)$/s,
    );
  });

  it('reads numbers and flags', () => {
    const c = loadConfig({
      PORT: '8080',
      NEO4J_LOCAL_PORT: '1',
      QUERY_TIMEOUT_MS: '100',
      CONSOLE_ROW_LIMIT: '100000',
      RATE_LIMIT_PER_MINUTE: '1',
      SERVE_WEB: '0',
      SEED_ON_START: 'no',
      LOG_LEVEL: 'silent',
      NEO4J_DATABASE: 'neo4j.test-1',
      WRITE_TOKEN: '0123456789abcdef',
      CORS_ORIGINS: 'https://a.example',
      HOST: '0.0.0.0',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'pw',
      READ_REQUIRES_SIGN_IN: 'yes',
      SESSION_TTL_HOURS: '2160',
      SIGN_IN_ATTEMPTS_PER_MINUTE: '1',
    });
    expect(c).toMatchObject({
      READ_REQUIRES_SIGN_IN: true,
      SESSION_TTL_HOURS: 2160,
      SIGN_IN_ATTEMPTS_PER_MINUTE: 1,
      PORT: 8080,
      NEO4J_LOCAL_PORT: 1,
      QUERY_TIMEOUT_MS: 100,
      CONSOLE_ROW_LIMIT: 100000,
      RATE_LIMIT_PER_MINUTE: 1,
      SERVE_WEB: false,
      SEED_ON_START: false,
      LOG_LEVEL: 'silent',
      NEO4J_DATABASE: 'neo4j.test-1',
      WRITE_TOKEN: '0123456789abcdef',
      HOST: '0.0.0.0',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'pw',
    });
    expect(loadConfig({ PORT: '65535' }).PORT).toBe(65535);
    for (const [v, b] of [
      ['1', true],
      ['true', true],
      ['yes', true],
      ['0', false],
      ['false', false],
      ['no', false],
    ] as const)
      expect(loadConfig({ SERVE_WEB: v }).SERVE_WEB).toBe(b);
    expect(loadConfig({ QUERY_TIMEOUT_MS: '600000', CONSOLE_ROW_LIMIT: '1' })).toMatchObject({
      QUERY_TIMEOUT_MS: 600000,
      CONSOLE_ROW_LIMIT: 1,
    });
  });

  it.each([
    [{ PORT: '0' }, 'PORT'],
    [{ PORT: '65536' }, 'PORT'],
    [{ PORT: '80.5' }, 'PORT'],
    [{ PORT: 'http' }, 'PORT'],
    [{ NEO4J_LOCAL_PORT: '70000' }, 'NEO4J_LOCAL_PORT'],
    [{ QUERY_TIMEOUT_MS: '99' }, 'QUERY_TIMEOUT_MS'],
    [{ QUERY_TIMEOUT_MS: '600001' }, 'QUERY_TIMEOUT_MS'],
    [{ CONSOLE_ROW_LIMIT: '0' }, 'CONSOLE_ROW_LIMIT'],
    [{ CONSOLE_ROW_LIMIT: '100001' }, 'CONSOLE_ROW_LIMIT'],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ SERVE_WEB: 'maybe' }, 'SERVE_WEB'],
    [{ SEED_ON_START: 'on' }, 'SEED_ON_START'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NEO4J_DATABASE: '1db' }, 'NEO4J_DATABASE'],
    [{ NEO4J_DATABASE: 'a'.repeat(64) }, 'NEO4J_DATABASE'],
    [{ READ_REQUIRES_SIGN_IN: 'maybe' }, 'READ_REQUIRES_SIGN_IN'],
    [{ SESSION_TTL_HOURS: '0' }, 'SESSION_TTL_HOURS'],
    [{ SESSION_TTL_HOURS: '2161' }, 'SESSION_TTL_HOURS'],
    [{ SIGN_IN_ATTEMPTS_PER_MINUTE: '0' }, 'SIGN_IN_ATTEMPTS_PER_MINUTE'],
  ])('names the variable in %j', (env, name) => {
    const message = fails(env);
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${name}: .+ \\(got "${Object.values(env)[0]}"\\)$`));
  });

  it('names every wrong variable at once, in one line', () => {
    expect(fails({ PORT: '0', LOG_LEVEL: 'loud' })).toMatch(/^Invalid configuration: PORT: .+; LOG_LEVEL: .+$/);
  });

  it('never echoes a token or password', () => {
    const message = fails({ WRITE_TOKEN: 'short-secret' });
    expect(message).toBe('Invalid configuration: WRITE_TOKEN: expected at least 16 characters');
    expect(fails({ NEO4J_PASSWORD: 'x', PORT: '0' })).not.toContain('"x"');
  });

  it('accepts every pino level, and says what a database name must look like', () => {
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      expect(loadConfig({ LOG_LEVEL: level }).LOG_LEVEL).toBe(level);
    expect(fails({ NEO4J_DATABASE: '-x' })).toBe('Invalid configuration: NEO4J_DATABASE: expected a Neo4j database name (got "-x")');
  });

  it('accepts a database name of 63 characters', () => {
    expect(loadConfig({ NEO4J_DATABASE: 'a'.repeat(63) }).NEO4J_DATABASE).toHaveLength(63);
  });

  it('takes SOURCES_DIR only as an existing folder, and names it otherwise', () => {
    const here = import.meta.dirname;
    expect(loadConfig({ SOURCES_DIR: here }).SOURCES_DIR).toBe(here);
    for (const wrong of [`${here}/no-such-folder`, import.meta.filename]) {
      expect(fails({ SOURCES_DIR: wrong })).toBe(
        `Invalid configuration: SOURCES_DIR: expected an existing folder of source documents (got "${wrong}")`,
      );
    }
  });
});
