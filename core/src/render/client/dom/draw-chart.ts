/**
 * @module Draws an ECharts option into a host element and resolves once ECharts reports
 * `finished` (the PDF printer and the browser tests wait on that), or after a safety timeout so a
 * chart in a hidden tab never stalls the "rendered" event.
 */
import type { EChartsOption } from 'echarts';
import type { EChartsApi, EChartsInstance } from './echarts-global.js';

export interface DrawOptions {
  theme?: string;
  onClick?: (dataIndex: number) => void;
  locale?: string;
}

const FINISH_TIMEOUT_MS = 4000;

export function drawChart(
  api: EChartsApi,
  host: HTMLElement,
  existing: EChartsInstance | undefined,
  option: EChartsOption,
  opts: DrawOptions,
) {
  const chart =
    existing && !existing.isDisposed()
      ? existing
      : api.init(host, opts.theme, { renderer: 'canvas', ...(opts.locale ? { locale: opts.locale } : {}) });
  const finished = new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      chart.off('finished', done);
      resolve();
    };
    const timer = setTimeout(done, FINISH_TIMEOUT_MS);
    chart.on('finished', done);
  });
  chart.off('click');
  if (opts.onClick) {
    const onClick = opts.onClick;
    chart.on('click', (params) => {
      if (typeof params.dataIndex === 'number') onClick(params.dataIndex);
    });
  }
  // notMerge: a refreshed result may have fewer series; merging would keep the old ones.
  chart.setOption(option, { notMerge: true });
  return { chart, finished };
}
