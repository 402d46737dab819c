/** @module Options of the telephony connector, as a JSON Schema (validated by the core) and a type. */

/** The call-log layouts the connector reads; `auto` sniffs the first line. */
export type CdrFormat = 'auto' | 'asterisk-csv' | 'asterisk-custom' | 'freeswitch-csv' | '3cx' | 'generic';

/** Normalised fields a `generic` mapping can fill from a CSV's own column names. */
export type GenericField =
  | 'call_id'
  | 'linked_id'
  | 'sequence'
  | 'started_at'
  | 'answered_at'
  | 'ended_at'
  | 'duration'
  | 'talk_seconds'
  | 'disposition'
  | 'caller'
  | 'callee'
  | 'extension'
  | 'trunk'
  | 'queue'
  | 'direction'
  | 'context';

/** Where extensions map to CRM managers. */
export type ManagerMapping = Record<string, string | number> | { file: string } | { source: string; sql: string };

export interface TelephonyOptions {
  /** Call-log file or glob (e.g. `logs/Master.csv*`), relative to vitrina.config.json. */
  file: string;
  /** Default `auto`. */
  format?: CdrFormat;
  /** Column list for `asterisk-custom`, `freeswitch-csv` custom templates, or header-less `generic` files. */
  columns?: string[];
  /** `generic`: normalised field → the CSV's column name. */
  mapping?: Partial<Record<GenericField, string>>;
  /** `generic`: whether the first line names the columns. Default `true` unless `columns` is given. */
  header?: boolean;
  /** Field delimiter. Default `,`. */
  delimiter?: string;
  /** strptime format of date-times (`%Y-%m-%d %H:%M:%S`, or `%d.%m.%Y %H:%M`…). Default per format. */
  dateFormat?: string;
  /** IANA time zone the PBX writes its local times in. Default: the project's time zone. */
  timezone?: string;
  /** Regular expression (whole match) of internal extension numbers. Default `[0-9]{2,5}`. */
  internalPattern?: string;
  /** Regular expression (whole match) of trunk channel or line names. */
  trunkPattern?: string;
  /** Dial contexts that mark a call's direction outright. */
  inboundContexts?: string[];
  outboundContexts?: string[];
  internalContexts?: string[];
  /** Numbers or names that are queues (FreeSWITCH callcenter, 3CX queue DNs). */
  queues?: string[];
  /** Raw disposition/cause values → normalised disposition, before the built-in vocabulary. */
  dispositions?: Record<string, 'answered' | 'no_answer' | 'busy' | 'failed'>;
  /** `generic`: raw direction values → direction. */
  directions?: Record<string, 'inbound' | 'outbound' | 'internal'>;
  /** Extension → CRM manager id. */
  managers?: ManagerMapping;
  /** Default `strict`. */
  badRows?: 'strict' | 'skip';
  /** Encoding tried for lines that are not valid UTF-8. Default `windows-1252`. */
  fallbackEncoding?: string;
}

const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const disposition = { enum: ['answered', 'no_answer', 'busy', 'failed'] } as const;

export const telephonyOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['file'],
  properties: {
    file: { type: 'string', minLength: 1, description: 'Call-log file or glob, relative to vitrina.config.json.' },
    format: {
      enum: ['auto', 'asterisk-csv', 'asterisk-custom', 'freeswitch-csv', '3cx', 'generic'],
      default: 'auto',
      description: 'Layout of the call log; `auto` sniffs the first line.',
    },
    columns: {
      ...stringList,
      minItems: 1,
      description: 'Column names in file order (cdr_custom, FreeSWITCH custom templates, header-less generic files).',
    },
    mapping: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        [
          'call_id',
          'linked_id',
          'sequence',
          'started_at',
          'answered_at',
          'ended_at',
          'duration',
          'talk_seconds',
          'disposition',
          'caller',
          'callee',
          'extension',
          'trunk',
          'queue',
          'direction',
          'context',
        ].map((f) => [f, { type: 'string', minLength: 1 }]),
      ),
      description: '`generic`: normalised field → column name in the file.',
    },
    header: { type: 'boolean', description: '`generic`: the first line names the columns (default true unless `columns` is given).' },
    delimiter: { type: 'string', minLength: 1, maxLength: 1, default: ',' },
    dateFormat: { type: 'string', minLength: 2, description: 'strptime format of the date-times, e.g. `%d.%m.%Y %H:%M:%S`.' },
    timezone: { type: 'string', minLength: 1, description: "IANA time zone of the PBX's clock. Default: the project's time zone." },
    internalPattern: {
      type: 'string',
      minLength: 1,
      default: '[0-9]{2,5}',
      description: 'Regular expression (whole match) of internal extensions.',
    },
    trunkPattern: { type: 'string', minLength: 1, description: 'Regular expression (whole match) of trunk channel/line names.' },
    inboundContexts: stringList,
    outboundContexts: stringList,
    internalContexts: stringList,
    queues: stringList,
    dispositions: { type: 'object', additionalProperties: disposition },
    directions: { type: 'object', additionalProperties: { enum: ['inbound', 'outbound', 'internal'] } },
    managers: {
      description: 'Extension → CRM manager: an inline object, `{ "file": "managers.csv" }`, or `{ "source": "crm", "sql": "select …" }`.',
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['source', 'sql'],
          properties: { source: { type: 'string', minLength: 1 }, sql: { type: 'string', minLength: 1 } },
        },
        { type: 'object', additionalProperties: false, required: ['file'], properties: { file: { type: 'string', minLength: 1 } } },
        {
          type: 'object',
          not: { anyOf: [{ required: ['file'] }, { required: ['source'] }, { required: ['sql'] }] },
          additionalProperties: { type: ['string', 'integer'] },
        },
      ],
    },
    badRows: {
      enum: ['strict', 'skip'],
      default: 'strict',
      description: '`strict` fails the load on a bad row; `skip` reports and loads the rest.',
    },
    fallbackEncoding: {
      type: 'string',
      minLength: 1,
      default: 'windows-1252',
      description: 'Encoding tried for lines that are not valid UTF-8.',
    },
  },
} as const;
