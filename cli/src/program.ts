/** @module The `vitrina` command line: commands, options, help, and exit codes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { CLI_DIR } from './cli-paths.js';
import { addAccessCommands } from './commands/access-program.js';
import { collectPair } from './commands/collect-pair.js';
import { addScheduleCommands } from './commands/schedule-program.js';
import { EXIT_OK, EXIT_USER_ERROR, exitCodeOf } from './output/exit-codes.js';
import { printError } from './output/print-problems.js';

// Commands load on use, so `vitrina --help` does not pay for the engine.

const version = (JSON.parse(readFileSync(join(CLI_DIR, 'package.json'), 'utf8')) as { version: string }).version;

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('vitrina')
    .description('Vitrina: CRM reporting for top management — report definitions in, numbers, dashboards and PDFs out.')
    .version(version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const configOption = () => new Option('-c, --config <file>', 'project config').default(undefined, 'vitrina.config.json');

  program
    .command('init')
    .description('create a project: config, sample data, a report definition to edit')
    .argument('[dir]', 'folder to create the project in', '.')
    .option('--timezone <zone>', 'reporting time zone (IANA), this machine’s by default', Intl.DateTimeFormat().resolvedOptions().timeZone)
    .addOption(new Option('--locale <locale>', 'UI language').choices(['en', 'ru']).default('en'))
    .option('--seed <n>', 'seed of the sample data', '1')
    .action(async (dir, opts) => setExit(await (await import('./commands/init-command.js')).initCommand(dir, opts)));

  program
    .command('validate')
    .description('check the config, plugins, sources and every report definition; exit 1 on any problem')
    .addOption(configOption())
    .option('--json', 'print the result as JSON')
    .option('--offline', 'do not check tables and columns against the sources')
    .action(async (opts) => setExit(await (await import('./commands/validate-command.js')).validateCommand(opts)));

  program
    .command('render')
    .description('compute a report: JSON, a static HTML dashboard, a PDF, an Excel workbook, or one panel as CSV')
    .argument('<report-id>', 'report id (the "id" of a definition)')
    .addOption(configOption())
    .addOption(
      new Option(
        '-f, --format <format>',
        "json: every panel's numbers; html: a static dashboard that opens offline; pdf: the printed dashboard (system Chromium); xlsx: a workbook (cover + a sheet per panel, or --panel); csv: one --panel's rows",
      )
        .choices(['json', 'html', 'pdf', 'xlsx', 'csv'])
        .default('json'),
    )
    .option('--panel <id>', 'xlsx/csv: only this panel (csv needs it)')
    .addOption(new Option('--paper <size>', "pdf: paper size (default: the definition's print.paper, else A4)").choices(['A4', 'Letter']))
    .addOption(
      new Option('--orientation <o>', "pdf: page orientation (default: the definition's, else landscape)").choices([
        'portrait',
        'landscape',
      ]),
    )
    .addOption(new Option('--delimiter <d>', 'csv: field delimiter (default ; for ru, , for en)').choices(['comma', 'semicolon', 'tab']))
    .option('-p, --param <key=value>', 'a report parameter, e.g. period=last_month (repeatable)', collectPair)
    .option('--as <key=value>', 'render as a viewer with this attribute, e.g. manager_id=7 (repeatable; applies row scopes)', collectPair)
    .option('-o, --out <file>', 'write to this file (atomically) instead of stdout')
    .option('--now <date>', 'pretend it is this date/time (YYYY-MM-DD or ISO) for relative periods')
    .addOption(new Option('--locale <locale>', "language of titles and labels (default: the config's)").choices(['en', 'ru']))
    .action(async (id, opts) => setExit(await (await import('./commands/render-command.js')).renderCommand(id, opts)));

  program
    .command('serve')
    .description('serve the dashboards over HTTP; definition and config edits are live on the next request')
    .addOption(configOption())
    .option('--port <n>', 'port to listen on (0: any free port)', '3000')
    .option('--host <host>', 'address to listen on; 0.0.0.0 serves the network', '127.0.0.1')
    .action(async (opts) => setExit(await (await import('./commands/serve-command.js')).serveCommand(opts)));

  program
    .command('ingest')
    .description('load row sources (CSV, call logs) and SQL sources in extract mode into their DuckDB extracts now')
    .argument('[source...]', 'sources to load (default: every extract source)')
    .addOption(configOption())
    .option('--full', 'rebuild from scratch even when nothing changed or new rows could be appended')
    .option('--json', 'print the load reports as JSON')
    .addHelpText(
      'after',
      '\nA source whose data is unchanged (same fingerprint) is skipped; a grown log is appended when its plugin can.\n' +
        'A failed load leaves the previous extract serving and exits 1. Progress goes to stderr: a bar on a terminal, lines otherwise.',
    )
    .action(async (names, opts) => setExit(await (await import('./commands/ingest-command.js')).ingestCommand(names, opts)));

  const sources = program.command('sources').description('data sources');
  sources
    .command('check')
    .description('check that every source is reachable; exit 1 if one is not')
    .addOption(configOption())
    .option('--json', 'print the result as JSON')
    .action(async (opts) => setExit(await (await import('./commands/sources-command.js')).sourcesCheckCommand(opts)));

  program
    .command('demo')
    .description('generate the demo CRM and the executive report pack, show the executive overview, then serve the dashboards')
    .option('-d, --dir <dir>', 'project folder to (re)create', 'vitrina-demo')
    .addOption(
      new Option('--scale <scale>', 'small: seconds; large: 1M deals, 5M calls (benchmarks)').choices(['small', 'large']).default('small'),
    )
    .option('--seed <n>', 'random seed: the same seed and date give the same data', '42')
    .option('--today <date>', 'last day of the generated history (YYYY-MM-DD); default today')
    .option('--no-serve', 'only generate the project')
    .option('--port <n>', 'port to serve the dashboards on', '3000')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--postgres <url>', 'also load the demo into this PostgreSQL database (schema vitrina_demo) and report on it')
    .action(async (opts) => setExit(await (await import('./commands/demo-command.js')).demoCommand(opts)));

  addAccessCommands(program, setExit);
  addScheduleCommands(program, setExit);

  return program;
}

/** Runs the CLI and returns the exit code instead of exiting, so tests can call it in-process. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
        ? EXIT_OK
        : EXIT_USER_ERROR;
    }
    printError(error);
    return exitCodeOf(error);
  }
}
