/**
 * @module Checks of the `schedules`, `alerts` and `tasks` blocks that JSON Schema cannot make:
 * cron expressions and time zones parse, names are unique across each list. Run by the config
 * loader, so a bad cron is a config error with the file, line and pointer like any other.
 */
import type { ProjectConfig } from '../config/project-config.js';
import { VitrinaError } from '../errors/index.js';
import { isValidTimeZone } from '../util/time-zone.js';
import { cronProblem } from './cron-slots.js';

interface Located {
  file?: string;
  locate?(pointer: string): { line: number; column: number };
}

const LISTS = ['schedules', 'alerts', 'tasks'] as const;

export function scheduleConfigProblems(config: ProjectConfig, doc: Located = {}): VitrinaError[] {
  const problems: VitrinaError[] = [];
  const at = (pointer: string, message: string, hint?: string) =>
    problems.push(new VitrinaError('CONFIG_INVALID', message, { file: doc.file, pointer, ...doc.locate?.(pointer), hint }));
  for (const list of LISTS) {
    const seen = new Set<string>();
    (config[list] ?? []).forEach((item, i) => {
      const base = `/${list}/${i}`;
      if (seen.has(item.name))
        at(`${base}/name`, `${list} name '${item.name}' is used twice`, 'names must be unique: the CLI and the delivery log use them');
      seen.add(item.name);
      const zone = item.timezone ?? config.timezone ?? 'UTC';
      if (item.timezone !== undefined && !isValidTimeZone(item.timezone)) {
        at(`${base}/timezone`, `unknown time zone '${item.timezone}'`, 'use an IANA name such as Europe/Moscow or UTC');
        return;
      }
      const problem = cronProblem(item.cron, zone);
      if (problem)
        at(
          `${base}/cron`,
          `invalid cron expression '${item.cron}': ${problem}`,
          'five fields: minute hour day-of-month month day-of-week, e.g. "0 9 * * 1"',
        );
    });
  }
  for (const list of ['schedules', 'alerts'] as const)
    (config[list] ?? []).forEach((item, i) => {
      if ((item.channel?.type ?? 'email') === 'email' && !item.recipients?.length)
        at(
          `/${list}/${i}`,
          `${list} '${item.name}' sends e-mail but has no recipients`,
          'add "recipients", or give it a folder or webhook channel',
        );
    });
  const email = [...(config.schedules ?? []), ...(config.alerts ?? [])].some((s) => (s.channel?.type ?? 'email') === 'email');
  const tasksMail = (config.tasks ?? []).some((t) => t.escalateTo && (t.channel?.type ?? 'email') === 'email');
  if ((email || tasksMail) && !config.smtp) {
    const first = (config.schedules ?? []).length ? '/schedules' : (config.alerts ?? []).length ? '/alerts' : '/tasks';
    at(
      first,
      'e-mail deliveries need an "smtp" block (host, port, from)',
      'add "smtp": { "host": "…", "from": "reports@…" }, or give each a folder or webhook channel',
    );
  }
  return problems;
}
