/** @module Definition fixtures that are valid JSON Schema but name things that do not exist or do not fit. */
import type { Case } from './expect-problems.js';

export const REFERENCE_CASES: Case[] = [
  {
    file: 'ref-unknown-dataset.json',
    about: 'a panel names a dataset that does not exist',
    problems: [
      {
        pointer: '/panels/0/dataset',
        line: 13,
        column: 46,
        message: "unknown dataset 'call' in panel 'total'",
        hint: "did you mean 'calls'?",
      },
    ],
  },
  {
    file: 'ref-unknown-measure.json',
    about: 'a panel names a measure its dataset lacks',
    problems: [
      {
        pointer: '/panels/0/measures/0',
        line: 17,
        column: 82,
        message: "unknown measure 'cals' in panel 'calls_by'",
        hint: "did you mean 'calls'?",
      },
    ],
  },
  {
    file: 'ref-unknown-dimension.json',
    about: 'a panel groups by a dimension its dataset lacks',
    problems: [
      {
        pointer: '/panels/0/dimensions/0',
        line: 17,
        column: 107,
        message: "unknown dimension 'managers' in panel 'calls_by' (dataset 'calls')",
        hint: "did you mean 'manager'?",
      },
    ],
  },
  {
    file: 'ref-unknown-time-grain.json',
    about: 'a misspelt time grain',
    problems: [
      {
        pointer: '/panels/0/dimensions/0',
        line: 15,
        column: 105,
        message: "unknown time grain 'mnth' in panel 'trend'",
        hint: "did you mean 'month'?",
      },
    ],
  },
  {
    file: 'ref-time-without-grain.json',
    about: 'grouping by the time dimension without a grain',
    problems: [
      {
        pointer: '/panels/0/dimensions/0',
        line: 15,
        column: 105,
        message: "the time dimension needs a grain in panel 'trend'",
        hint: /^write 'time:month' \(grains: hour, day, week, month, quarter, year, .*\)$/,
      },
    ],
  },
  {
    file: 'ref-unknown-filter-parameter.json',
    about: 'a filter bound to a parameter that is not declared',
    problems: [
      {
        pointer: '/panels/0/filters/region',
        line: 17,
        column: 99,
        message: "unknown parameter 'regoin' in panel 'total'",
        hint: "did you mean 'region'?",
      },
    ],
  },
  {
    file: 'ref-breakdown-not-dimension.json',
    about: 'a breakdown option that is not a dimension of the dataset of a panel using it',
    problems: [
      {
        pointer: '/panels/0/dimensions/0',
        line: 18,
        column: 107,
        message: "unknown dimension 'stage' in panel 'deals_by' via breakdown 'by' option 'stage' (dataset 'deals')",
        hint: "known dimensions: 'region', 'manager'",
      },
    ],
  },
  {
    file: 'ref-unknown-source.json',
    about: 'a dataset on a source the config does not define',
    problems: [
      {
        pointer: '/datasets/deals/source',
        line: 6,
        column: 7,
        message: "unknown source 'crm_replica' in dataset 'deals' (sources come from vitrina.config.json)",
        hint: "known sources: 'crm', 'telephony'",
      },
    ],
  },
  {
    file: 'ref-unknown-join-alias.json',
    about: 'a dimension column prefixed with an alias no join declares',
    problems: [
      {
        pointer: '/datasets/deals/dimensions/region/column',
        line: 14,
        column: 21,
        message: "unknown join alias 'reg' in dataset 'deals'",
        hint: "join aliases: 'm', 'r'",
      },
    ],
  },
  {
    file: 'param-bad-period-default.json',
    about: 'a misspelt period preset as default and in the picker presets',
    problems: [
      {
        pointer: '/parameters/0/default',
        line: 4,
        column: 54,
        message: "default 'last_30_dayz' of parameter 'period' is not a period",
        hint: "did you mean 'last_30_days'?",
      },
      {
        pointer: '/parameters/0/presets/1',
        line: 4,
        column: 107,
        message: "'last_quater' is not a period",
        hint: "did you mean 'last_quarter'?",
      },
    ],
  },
  {
    file: 'panel-duplicate-ids.json',
    about: 'two panels with the same id',
    problems: [{ pointer: '/panels/1/id', line: 16, column: 7, message: "duplicate panel id 'total'" }],
  },
  {
    file: 'panel-pie-two-dimensions.json',
    about: 'a pie split by two dimensions',
    problems: [{ pointer: '/panels/0', line: 17, column: 14, message: "panel 'share' (pie) needs exactly one dimension" }],
  },
  {
    file: 'panel-kpi-without-measure.json',
    about: "a kpi given 'measures' instead of its one 'measure'",
    problems: [
      {
        pointer: '/panels/0',
        line: 13,
        column: 14,
        message: "panel 'total' (kpi) needs a 'measure'",
        hint: 'a kpi shows one number: write "measure": "deals"',
      },
    ],
  },
  {
    file: 'several-mistakes.json',
    about: 'four unrelated mistakes in one file are all reported at once, in document order',
    problems: [
      {
        pointer: '/datasets/deals/measures/avg_deal/expr',
        line: 20,
        column: 23,
        message: "unknown measure 'deal' in the expression of measure 'avg_deal'",
        hint: "did you mean 'deals'?",
      },
      {
        pointer: '/panels/0/measure',
        line: 25,
        column: 59,
        message: "unknown measure 'revenu' in panel 'revenue'",
        hint: "did you mean 'revenue'?",
      },
      {
        pointer: '/panels/1/dimensions/0',
        line: 26,
        column: 98,
        message: "unknown dimension 'stages' in panel 'by_stage' (dataset 'deals')",
        hint: "did you mean 'stage'?",
      },
      {
        pointer: '/panels/2/filters/manager',
        line: 33,
        column: 20,
        message: "unknown parameter 'managr' in panel 'trend'",
        hint: "did you mean 'manager'?",
      },
    ],
  },
];
