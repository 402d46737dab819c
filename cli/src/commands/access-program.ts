/** @module The access-control commands of the CLI: `user`, `token`, `audit` (loaded on use). */
import { type Command, Option } from 'commander';
import { collectPair } from './collect-pair.js';

const collectList = (value: string, previous: string[] = []) => [...previous, value];

export function addAccessCommands(program: Command, setExit: (code: number) => void): void {
  const configOption = () => new Option('-c, --config <file>', 'project config').default(undefined, 'vitrina.config.json');
  const user = program.command('user').description('accounts that may sign in to the dashboards (in the project state store)');
  const run = (action: string) => async (name: string | undefined, opts: object) =>
    setExit(await (await import('./user-command.js')).userCommand(action, name, opts));
  user
    .command('add')
    .description('add a user; the password is asked for on the terminal, or read with --password-stdin')
    .argument('<username>')
    .addOption(new Option('--role <role>', 'what they may see').choices(['admin', 'executive', 'manager']).default('manager'))
    .option('--attr <key=value>', 'a row-scope attribute, e.g. manager_id=7 or department_id=2 (repeatable)', collectPair)
    .option('--name <display-name>', 'name shown in the audit log and pages')
    .option('--password-stdin', 'read the password from stdin (for scripts)')
    .addOption(configOption())
    .action(run('add'));
  user
    .command('list')
    .description('list users')
    .option('--json', 'as JSON')
    .addOption(configOption())
    .action((opts) => run('list')(undefined, opts));
  user
    .command('passwd')
    .description('set a new password (signs the user out everywhere)')
    .argument('<username>')
    .option('--password-stdin', 'read the password from stdin')
    .addOption(configOption())
    .action(run('passwd'));
  user
    .command('set')
    .description('change role, attributes or display name (signs the user out, so the new scope applies at once)')
    .argument('<username>')
    .addOption(new Option('--role <role>', 'new role').choices(['admin', 'executive', 'manager']))
    .option('--attr <key=value>', 'replace the attributes (repeatable)', collectPair)
    .option('--name <display-name>', 'display name')
    .addOption(configOption())
    .action(run('set'));
  for (const [action, text] of [
    ['disable', 'stop a user signing in; ends their sessions and API tokens at once'],
    ['enable', 'let a disabled user sign in again'],
    ['remove', 'delete a user with their sessions and API tokens'],
  ] as const)
    user.command(action).description(text).argument('<username>').addOption(configOption()).action(run(action));

  const token = program.command('token').description('API tokens for scripts and embedding (Authorization: Bearer …)');
  const runToken = (action: string) => async (id: string | undefined, opts: object) =>
    setExit(await (await import('./token-command.js')).tokenCommand(action, id, opts));
  token
    .command('create')
    .description('create a token that reads as --user; printed once')
    .requiredOption('--user <username>', 'whose access (and row scope) the token has')
    .option('--dashboard <report-id>', 'a dashboard it may read (repeatable; default all the user may)', collectList)
    .option('--name <name>', 'what it is for', 'api')
    .option('--expires <when>', 'a date, or Nd (e.g. 90d)')
    .addOption(configOption())
    .action((opts) => runToken('create')(undefined, opts));
  token
    .command('list')
    .description('list tokens (never their secrets)')
    .option('--user <username>')
    .option('--json')
    .addOption(configOption())
    .action((opts) => runToken('list')(undefined, opts));
  token.command('revoke').description('revoke a token at once').argument('<id>').addOption(configOption()).action(runToken('revoke'));

  program
    .command('audit')
    .description('show the audit log: logins, exports, user and token changes, reloads (newest first)')
    .option('--since <when>', 'a date or a duration back from now: 30m, 24h, 7d')
    .option('--event <event>', 'only this event, e.g. login_failed')
    .option('--limit <n>', 'at most this many entries', '200')
    .option('--json', 'as JSON')
    .addOption(configOption())
    .action(async (opts) => setExit(await (await import('./audit-command.js')).auditCommand(opts)));
}
