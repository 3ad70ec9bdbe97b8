// `npm run users -- COMMAND`: local accounts for editors and admins (docs/curation.md).
//   add NAME --role editor|admin [--password-stdin]   prints the first API token on its last line
//   list | disable NAME | enable NAME | reset NAME [--password-stdin] | revoke-token ID
// Passwords are asked for without echo on a terminal, or read from standard input with
// --password-stdin (for scripts); never from the command line, where `ps` and shell history
// would keep them.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { z } from 'zod';
import { connect, type Connection } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { createUser, listUsers, resetPassword, revokeToken, setDisabled } from '../auth/accounts.ts';
import { Role, UserName } from '../auth/actor.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { parseFlags } from './args.ts';

const USAGE = `usage: npm run users -- add NAME --role editor|admin [--password-stdin]
       npm run users -- list
       npm run users -- disable NAME | enable NAME
       npm run users -- reset NAME [--password-stdin]     (new password; ends the account's sessions)
       npm run users -- revoke-token ID
`;

const args = process.argv.slice(2);
const flags = parseFlags(
  z.object({ role: Role.optional(), 'password-stdin': z.boolean().default(false), help: z.boolean().default(false) }),
  args,
  { role: { type: 'string' }, 'password-stdin': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
);
const positionals = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '--role');
const [command, target] = positionals;

function usage(message?: string): never {
  if (message) process.stderr.write(`${message}\n`);
  process.stderr.write(USAGE);
  process.exit(2);
}

function need(what: string): string {
  if (!target) usage(`${command} needs ${what}.`);
  return target;
}

function accountName(): string {
  const parsed = UserName.safeParse(need('an account name'));
  if (!parsed.success) usage(`NAME: ${parsed.error.issues[0]?.message ?? 'not a valid account name'}`);
  return parsed.data;
}

async function readPassword(): Promise<string> {
  let password: string;
  if (flags['password-stdin']) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    // Only the line break a shell or `echo` adds is dropped; other spaces belong to the password.
    password = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  } else if (process.stdin.isTTY) {
    const first = await ask('Password: ');
    const again = await ask('Password again: ');
    if (first !== again) usage('The two passwords differ; nothing was changed.');
    password = first;
  } else {
    usage('No terminal to ask for a password: pipe it in with --password-stdin.');
  }
  if (password.length < MIN_PASSWORD_LENGTH) usage(`The password needs at least ${MIN_PASSWORD_LENGTH} characters; nothing was changed.`);
  return password;
}

/** A question whose answer is not echoed. */
function ask(question: string): Promise<string> {
  process.stderr.write(question);
  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

if (flags.help || !command) usage();
if (!['add', 'list', 'disable', 'enable', 'reset', 'revoke-token'].includes(command)) usage(`Unknown command "${command}".`);

// Everything about the arguments is checked, and the password read, before Neo4j is started.
const name = ['add', 'disable', 'enable', 'reset'].includes(command) ? accountName() : '';
const tokenId = command === 'revoke-token' ? need('a token id') : '';
if (command === 'add' && !flags.role) usage('add needs --role editor or --role admin.');
const password = command === 'add' || command === 'reset' ? await readPassword() : '';

let connection: Connection | undefined;
try {
  connection = await connect(loadConfig());
  const { db } = connection;
  // The account constraints come with the schema; a database never served yet may lack them.
  await db.applySchema();
  switch (command) {
    case 'add': {
      const made = await createUser(db, { name, role: flags.role!, password });
      if (!made) {
        process.stderr.write(`An account "${name}" exists already; nothing was changed.\n`);
        process.exitCode = 1;
        break;
      }
      process.stdout.write(`Added ${flags.role} "${name}". Its first API token (id ${made.id}) is shown once, on the next line:\n`);
      process.stdout.write(`${made.token}\n`);
      break;
    }
    case 'list': {
      const users = await listUsers(db);
      if (!users.length) process.stdout.write('No accounts yet: npm run users -- add NAME --role editor|admin\n');
      for (const u of users) {
        const state = u.disabled ? 'disabled' : 'active';
        process.stdout.write(
          `${u.name}\t${u.role}\t${state}\t${u.tokens} token(s)\t${u.sessions} session(s)\tsince ${u.createdAt.slice(0, 10)}\n`,
        );
      }
      break;
    }
    case 'disable':
    case 'enable': {
      const disabled = command === 'disable';
      if (!(await setDisabled(db, name, disabled))) {
        process.stderr.write(`No account "${name}".\n`);
        process.exitCode = 1;
      } else {
        process.stdout.write(
          disabled ? `Disabled "${name}": its sessions ended, its tokens refused until enabled.\n` : `Enabled "${name}".\n`,
        );
      }
      break;
    }
    case 'reset': {
      if (!(await resetPassword(db, name, password))) {
        process.stderr.write(`No account "${name}".\n`);
        process.exitCode = 1;
      } else process.stdout.write(`New password for "${name}"; its sessions have ended.\n`);
      break;
    }
    case 'revoke-token': {
      const revoked = await revokeToken(db, tokenId, null);
      if (!revoked) {
        process.stderr.write(`No token "${tokenId}".\n`);
        process.exitCode = 1;
      } else process.stdout.write(`Revoked token ${revoked.id} of "${revoked.userName}" (at ${revoked.revokedAt}).\n`);
      break;
    }
  }
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await connection?.close();
}
