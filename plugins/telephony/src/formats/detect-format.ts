/**
 * @module Which layout a call log has: the configured `format`, or (`auto`) a sniff of its first
 * record — where the first date sits and how many fields there are tell the PBX apart.
 */
import { VitrinaError } from '@vitrina/core';
import type { TelephonyOptions } from '../telephony-options.js';
import { ASTERISK_CSV_LAYOUTS, ASTERISK_CUSTOM_DEFAULT, asteriskSpec } from './asterisk-format.js';
import type { FormatSpec } from './format-spec.js';
import { FREESWITCH_EXAMPLE, FREESWITCH_SHORT, freeswitchSpec } from './freeswitch-format.js';
import { genericSpec } from './generic-format.js';
import { THREECX_COLUMNS, threecxSpec } from './threecx-format.js';

const DATE_TIME = /^\d{4}[-/]\d\d[-/]\d\d[ T]\d\d:\d\d/;

/** The format `auto` recognises from the first record's fields, or undefined. */
export function sniffFormat(fields: readonly string[]): Exclude<TelephonyOptions['format'], 'auto' | 'generic' | undefined> | undefined {
  const firstDate = fields.findIndex((f) => DATE_TIME.test(f));
  if (fields.length === THREECX_COLUMNS.length && /^Call \d+$/.test(fields[0] ?? '')) return '3cx';
  if (firstDate === 9 && ASTERISK_CSV_LAYOUTS[fields.length]) return 'asterisk-csv';
  if (firstDate === 4 && (fields.length === FREESWITCH_EXAMPLE.length || fields.length === FREESWITCH_SHORT.length))
    return 'freeswitch-csv';
  if (firstDate === 8 && fields.length === ASTERISK_CUSTOM_DEFAULT.length) return 'asterisk-custom';
  return undefined;
}

/** Thrown when the layout cannot be told; the caller names the file and applies the bad-input policy. */
export class UnknownFormatError extends Error {}

/** Resolves the layout of a file whose first record is `fields`. */
export function resolveFormat(options: TelephonyOptions, fields: readonly string[], sourceName: string): FormatSpec {
  const delimiter = options.delimiter ?? ',';
  const format = options.format && options.format !== 'auto' ? options.format : options.mapping ? 'generic' : sniffFormat(fields);
  const columns = options.columns;
  switch (format) {
    case 'asterisk-csv': {
      const layout = columns ?? ASTERISK_CSV_LAYOUTS[fields.length];
      if (!layout) throw new UnknownFormatError(`an Asterisk Master.csv has 16 to 21 fields, this line has ${fields.length}`);
      return asteriskSpec('asterisk-csv', layout, delimiter, options.dateFormat);
    }
    case 'asterisk-custom':
      return asteriskSpec('asterisk-custom', columns ?? ASTERISK_CUSTOM_DEFAULT, delimiter, options.dateFormat);
    case 'freeswitch-csv': {
      const layout =
        columns ??
        (fields.length === FREESWITCH_SHORT.length
          ? FREESWITCH_SHORT
          : fields.length === FREESWITCH_EXAMPLE.length
            ? FREESWITCH_EXAMPLE
            : undefined);
      if (!layout)
        throw new UnknownFormatError(
          `the stock FreeSWITCH template has 15 fields, this line has ${fields.length}: list the template's variables in "columns"`,
        );
      return freeswitchSpec(layout, delimiter, options.dateFormat);
    }
    case '3cx':
      return threecxSpec(delimiter, options.dateFormat);
    case 'generic': {
      const header = options.header ?? !columns;
      const names = header ? fields : columns;
      if (!names)
        throw new VitrinaError('SOURCE_CONFIG_INVALID', `source '${sourceName}': a generic file without a header needs "columns"`, {
          pointer: `/sources/${sourceName}/columns`,
        });
      return genericSpec({
        names,
        header,
        mapping: options.mapping ?? {},
        directions: options.directions,
        delimiter,
        dateFormat: options.dateFormat,
        sourceName,
      });
    }
    default:
      throw new UnknownFormatError(
        `unknown call-log format (${fields.length} fields, first line starts '${fields.slice(0, 3).join(',').slice(0, 60)}')`,
      );
  }
}
