/**
 * @module The extract benchmark's generic CSV row source: `load` is the floor's very `read_csv`
 * statement, so framework vs floor on it measures the extract engine's own cost (building beside
 * the live file, counting, publishing), apart from any plugin's parsing and normalising.
 */
import { statSync } from 'node:fs';

export default {
  name: 'bench-csv',
  apiVersion: 1,
  configSchema: { type: 'object', required: ['file'], properties: { file: { type: 'string' } } },
  create(options, context) {
    const file = context.resolvePath(options.file, 'file');
    return {
      kind: 'rows',
      async introspect() {
        return [];
      },
      async version() {
        const s = statSync(file);
        return `${s.size}:${s.mtimeMs}`;
      },
      async load(target) {
        await target.run('create table calls as select * from read_csv($1, header = false)', [file]);
        const [{ n }] = await target.all('select count(*) as n from calls');
        return { rows: n, status: 'loaded' };
      },
    };
  },
};
