/** The schedules, alerts, tasks and smtp blocks of the config: schema and cron errors carry a pointer and a line. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type VitrinaError } from '@vitrina/core';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'vitrina-schedule-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = {
  sources: { crm: { plugin: 'sqlite', file: 'crm.sqlite' } },
  timezone: 'Europe/Moscow',
  smtp: { host: 'smtp.example.com', port: 587, user: 'vitrina', password: { env: 'SMTP_PASSWORD' }, from: 'reports@example.com' },
};

function load(extra: Record<string, unknown>): VitrinaError | undefined {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ ...base, ...extra }, null, 2));
  try {
    loadConfig(file);
    return undefined;
  } catch (error) {
    return error as VitrinaError;
  }
}

const weekly = {
  name: 'weekly-sales',
  cron: '0 9 * * 1',
  report: 'sales',
  parameters: { period: 'last_week' },
  format: 'pdf',
  recipients: ['ceo@example.com', { user: 'ivanov' }, { address: 'north@example.com', attributes: { department_id: 2 } }],
};

describe('schedule config', () => {
  it('accepts schedules, alerts and tasks with every channel', () => {
    const error = load({
      schedules: [
        weekly,
        {
          ...weekly,
          name: 'archive',
          format: 'xlsx',
          channel: { type: 'folder', path: 'archive' },
          catchUp: 'all',
          retry: { attempts: 3, backoffSeconds: 30 },
        },
      ],
      alerts: [
        {
          name: 'revenue-drop',
          cron: '0 8 * * *',
          report: 'sales',
          dataset: 'sales',
          measure: 'revenue',
          condition: { type: 'drop', grain: 'week', percent: 20 },
          recipients: ['ceo@example.com'],
        },
        {
          name: 'plan',
          cron: '0 8 * * *',
          report: 'sales',
          dataset: 'sales',
          measure: 'revenue',
          target: { dataset: 'plan', measure: 'revenue_plan' },
          condition: { type: 'threshold', of: 'run_rate', below: 0.9 },
          channel: { type: 'webhook', url: 'https://hooks.example.com/x', secret: { env: 'HOOK_SECRET' } },
        },
      ],
      tasks: [
        {
          name: 'listen-calls',
          cron: '0 10 * * 1',
          owner: 'head-of-sales',
          due: '2d',
          checklist: ['Listen to 5 calls'],
          escalateTo: 'ceo@example.com',
        },
      ],
    });
    expect(error).toBeUndefined();
  });

  it('an invalid cron is a config error naming the pointer and line', () => {
    const error = load({ schedules: [{ ...weekly, cron: '61 9 * * 1' }] });
    expect(error?.code).toBe('CONFIG_INVALID');
    expect(error?.location.pointer).toBe('/schedules/0/cron');
    expect(error?.location.line).toBeGreaterThan(1);
    expect(error?.message).toMatch(/invalid cron expression '61 9 \* \* 1'.*minute/);
  });

  it('an unknown time zone of a schedule is named', () => {
    const error = load({ schedules: [{ ...weekly, timezone: 'Mars/Olympus' }] });
    expect(error?.location.pointer).toBe('/schedules/0/timezone');
  });

  it('duplicate names, bad formats and catch-up policies fail the schema', () => {
    expect(load({ schedules: [weekly, weekly] })?.message).toMatch(/used twice/);
    expect(load({ schedules: [{ ...weekly, format: 'docx' }] })?.location.pointer).toBe('/schedules/0/format');
    expect(load({ schedules: [{ ...weekly, catchUp: 'sometimes' }] })?.location.pointer).toBe('/schedules/0/catchUp');
  });

  it('a password written as a literal is refused', () => {
    const error = load({ smtp: { ...base.smtp, password: 'hunter2' } });
    expect(error?.location.pointer).toBe('/smtp/password');
  });

  it('e-mail deliveries without an smtp block are refused', () => {
    const file = join(dir, 'nosmtp.json');
    writeFileSync(file, JSON.stringify({ sources: base.sources, schedules: [weekly] }));
    expect(() => loadConfig(file)).toThrow(/smtp/);
  });

  it('an e-mail schedule without recipients is refused', () => {
    const { recipients: _, ...noOne } = weekly;
    const error = load({ schedules: [noOne] });
    expect(error?.location.pointer).toBe('/schedules/0');
    expect(error?.message).toMatch(/no recipients/);
  });

  it('a task due time must be a duration', () => {
    expect(load({ tasks: [{ name: 't', cron: '0 10 * * 1', owner: 'x', due: 'tomorrow' }] })?.location.pointer).toBe('/tasks/0/due');
  });
});
