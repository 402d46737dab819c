/** @module The CLI's schedule, alert and task commands (loaded on use). */
import { type Command, Option } from 'commander';

const collectList = (value: string, previous: string[] = []) => [...previous, value];

export function addScheduleCommands(program: Command, setExit: (code: number) => void): void {
  const configOption = () => new Option('-c, --config <file>', 'project config').default(undefined, 'vitrina.config.json');
  const nowOption = () => new Option('--now <date>', 'pretend it is this date/time (ISO) — for trying relative periods');

  const schedule = program.command('schedule').description('scheduled report deliveries (e-mail, folder, webhook); `serve` sends them');
  schedule
    .command('list')
    .description('schedules with their next slot, recipients and last deliveries; exit 1 if one names an unknown report or panel')
    .option('--json', 'as JSON')
    .addOption(configOption())
    .action(async (opts) => setExit(await (await import('./schedule-command.js')).scheduleListCommand(opts)));
  schedule
    .command('run')
    .description('send a schedule now (logged like a slot; a failure is retried by `serve`); exit 1 if a delivery failed')
    .argument('<name>', 'schedule name')
    .option('--to <address>', 'send only to this address or user instead of the recipients (repeatable)', collectList)
    .addOption(nowOption())
    .addOption(configOption())
    .action(async (name, opts) => setExit(await (await import('./schedule-command.js')).scheduleRunCommand(name, opts)));
  schedule
    .command('log')
    .description('the delivery log: newest first, with failures and their reasons')
    .argument('[name]', 'only this schedule, alert or task')
    .option('--limit <n>', 'rows', '50')
    .option('--json', 'as JSON')
    .addOption(configOption())
    .action(async (name, opts) => setExit(await (await import('./schedule-command.js')).scheduleLogCommand(name, opts)));

  const alert = program.command('alert').description('alerts on bad numbers and trends');
  alert
    .command('list')
    .description('alerts with their condition and state (firing since, or armed)')
    .option('--json', 'as JSON')
    .addOption(configOption())
    .action(async (opts) => setExit(await (await import('./alert-command.js')).alertListCommand(opts)));
  alert
    .command('test')
    .description('evaluate an alert now and print what it sees; notifies nobody and changes no state')
    .argument('<name>', 'alert name')
    .option('--json', 'as JSON')
    .addOption(nowOption())
    .addOption(configOption())
    .action(async (name, opts) => setExit(await (await import('./alert-command.js')).alertTestCommand(name, opts)));

  const task = program.command('task').description('recurring control tasks (listen to calls, call clients, mystery shopping)');
  task
    .command('list')
    .description('tasks per owner: open, done and overdue')
    .option('--owner <user>', 'only this owner')
    .addOption(new Option('--status <status>', 'only these').choices(['open', 'done', 'overdue']))
    .option('--json', 'as JSON')
    .addOption(configOption())
    .action(async (opts) => setExit(await (await import('./task-command.js')).taskListCommand(opts)));
  task
    .command('done')
    .description('mark a task done with a comment (what was checked, what was found)')
    .argument('<id>', "task id from 'vitrina task list'")
    .requiredOption('--comment <text>', 'what was done')
    .option('--by <user>', 'who did it (default: the owner)')
    .addOption(configOption())
    .action(async (id, opts) => setExit(await (await import('./task-command.js')).taskDoneCommand(id, opts)));
}
