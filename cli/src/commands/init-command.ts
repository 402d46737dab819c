/** @module `vitrina init [dir]`: a new project with sample data and a definition to edit. */
import { join, resolve } from 'node:path';
import { generateDemoCrm } from '../demo/generate-demo-crm.js';
import { EXIT_OK } from '../output/exit-codes.js';
import { SAMPLE_DEFINITION } from './sample-definition.js';
import { scaffoldProject } from './scaffold-project.js';

export async function initCommand(
  dir: string | undefined,
  options: { timezone: string; locale: 'en' | 'ru'; seed: string },
): Promise<number> {
  const target = resolve(dir ?? '.');
  scaffoldProject({
    dir: target,
    timezone: options.timezone,
    locale: options.locale,
    currency: options.locale === 'ru' ? 'RUB' : 'USD',
    dataFile: 'data/crm.sqlite',
    extraDefinitions: { 'my-first-report.json': SAMPLE_DEFINITION },
    overwrite: false,
  });
  const today = new Date().toISOString().slice(0, 10);
  await generateDemoCrm({ file: join(target, 'data', 'crm.sqlite'), scale: 'small', seed: Number(options.seed), today });
  process.stdout.write(
    [
      `Created a Vitrina project in ${target}`,
      '  vitrina.config.json                     sources, time zone, locale',
      '  report-definitions/my-first-report.json edit it (your editor autocompletes from schemas/)',
      '  data/crm.sqlite                          sample CRM data',
      '',
      'Next:',
      `  cd ${dir ?? '.'}`,
      '  vitrina validate',
      '  vitrina render my-first-report --format json --param period=last_month',
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}
