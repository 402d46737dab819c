#!/usr/bin/env node
/**
 * `pnpm bench:pdf`: time to PDF for each demo dashboard through the framework (warm Chromium pool,
 * warm result cache: render the print page with every chart drawn server-side as SVG, load it,
 * print) against the floor — the same Chromium doing `page.setContent` + `page.pdf` of the same
 * finished HTML on a warm page, with the same PDF options (header and footer words included) — in
 * the same run, each run timing both back to back. "framework" draws every chart anew (memo off: the first print of fresh data);
 * "repeat" is a dashboard printed again while its results are cached (drawn charts reused). Then
 * throughput (memo off) in PDFs/s at 1, 2 and 4 concurrent requests against the floor's at the
 * same concurrency, and the peak RSS of Chromium's process tree (sampled from /proc) under 4
 * concurrent renders. "prepare" is everything before printing (engine from cache, the print page
 * with paper charts, header words); "echarts" is the same with every chart drawn by ECharts' server
 * renderer instead (`VITRINA_PRINT_CHARTS=echarts`, the previous print path), for scale. Last,
 * the path before that (the client bundle draws the charts in a foreground tab), also for scale.
 *
 *   pnpm bench:pdf [--scale small|large] [--runs 5] [--seconds 6] [--json out.json]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { BrowserPool, exportPdf, pdfOptions, preparePdf, printPdf } from '@vitrina/core/export';
import { renderStaticDashboard } from '@vitrina/core/server';
import { openBenchDemo } from './bench-demo.mjs';

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    scale: { type: 'string', default: 'small' },
    runs: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '6' },
    json: { type: 'string' },
  },
});
const { project, now } = await openBenchDemo(args.scale);
const pool = new BrowserPool({ maxPages: 4, maxQueue: 64 });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = Number(args.runs);
const seconds = Number(args.seconds);
const reports = [...project.definitions.reports.keys()];
const load = () => loadavg().map((x) => x.toFixed(2));
const results = {
  when: new Date().toISOString(),
  scale: args.scale,
  printWorkers: process.env.VITRINA_PRINT_WORKERS ?? 'default',
  loadBefore: load(),
  dashboards: {},
  throughput: {},
  chromium: {},
};

/** The floor: setContent + pdf of the finished page on a warm page (the page is opened beforehand). */
async function floorPrint(page, html, settings) {
  await page.setContent(html, { waitUntil: 'load' });
  return page.pdf(pdfOptions(settings, 60_000));
}

async function warmPage(work) {
  return pool.withPage(async (page) => {
    await page.emulateMediaType('print');
    await page.setJavaScriptEnabled(false);
    return work(page);
  });
}

// --- Chromium's memory: the sum of VmRSS over the browser's process tree under this process. ---
function processTree() {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  const out = [];
  const walk = (pid) => {
    for (const child of children.get(pid) ?? []) {
      out.push(child);
      walk(child);
    }
  };
  walk(process.pid);
  return out;
}

/** RSS summed over the tree (what the brief asks; shared pages count once per process) and PSS (shared pages split). */
function chromiumMemoryBytes() {
  let rss = 0;
  let pss = 0;
  for (const pid of processTree()) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) rss += Number(m[1]) * 1024;
      const p = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (p) pss += Number(p[1]) * 1024;
    } catch {
      // gone meanwhile
    }
  }
  return { rss, pss };
}

function sampleRss(intervalMs = 50) {
  const peak = { rss: 0, pss: 0 };
  const sample = () => {
    const now = chromiumMemoryBytes();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.pss = Math.max(peak.pss, now.pss);
  };
  const timer = setInterval(sample, intervalMs);
  return () => {
    clearInterval(timer);
    sample();
    return peak;
  };
}

/** `concurrency` workers cycling over the dashboards for `seconds`: PDFs per second. */
async function throughput(concurrency, once, runSeconds = seconds) {
  const until = performance.now() + runSeconds * 1000;
  let done = 0;
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < until) {
        await once(reports[next++ % reports.length], worker);
        done++;
      }
    }),
  );
  return done / ((performance.now() - start) / 1000);
}

try {
  console.log(
    `PDF on the ${args.scale} demo: warm Chromium, warm result cache, median of ${runs}; chart workers ${results.printWorkers}; load average ${load().join(' ')}\n`,
  );
  console.log(
    `${'dashboard'.padEnd(20)} ${'framework'.padStart(10)} ${'floor'.padStart(8)} ${'ratio'.padStart(6)} ${'repeat'.padStart(8)} ${'ratio'.padStart(6)} ${'prepare'.padStart(9)} ${'echarts'.padStart(8)} ${'svgs'.padStart(5)}`,
  );
  // Warm: Chromium, the result cache and the chart workers (they load ECharts once, in parallel).
  for (const reportId of reports) await exportPdf({ project, reportId, now }, { pool, memo: false });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const pages = {};
  for (const reportId of reports) {
    const request = { project, reportId, now };
    // What exportPdf prints — the finished page and its print options (paper, header and footer
    // with the title, parameters and time) — so the floor prints exactly the same page the same way.
    const { html: page, print: settings } = await preparePdf(request, {});
    pages[reportId] = { page, settings };
    const framework = [];
    const repeat = [];
    const html = [];
    const echartsHtml = [];
    const floor = [];
    const timed = async (samples, work) => {
      const t = performance.now();
      await work();
      samples.push(performance.now() - t);
    };
    // Each run times both sides back to back (the order alternating), so load that comes and goes
    // on a shared machine weighs on the framework and the floor alike; the floor's warm page stays
    // open meanwhile (every pool page is a hidden background tab, so that changes no tab's state).
    await warmPage(async (p) => {
      await floorPrint(p, page, settings);
      await exportPdf(request, { pool, memo: false });
      for (let i = 0; i < runs; i++) {
        const steps = [
          () => timed(framework, () => exportPdf(request, { pool, memo: false })),
          () => timed(floor, () => floorPrint(p, page, settings)),
          () => timed(repeat, () => exportPdf(request, { pool })),
          () => timed(html, () => preparePdf(request, { memo: false })),
        ];
        for (const step of i % 2 ? [steps[1], steps[0], steps[3], steps[2]] : steps) await step();
        // The same page with every chart drawn by ECharts' server renderer (the previous print path), for scale.
        process.env.VITRINA_PRINT_CHARTS = 'echarts';
        try {
          await timed(echartsHtml, () => preparePdf(request, { memo: false }));
        } finally {
          delete process.env.VITRINA_PRINT_CHARTS;
        }
      }
    });
    const r = {
      frameworkMs: median(framework),
      floorMs: median(floor),
      ratio: median(framework) / median(floor),
      repeatMs: median(repeat),
      repeatRatio: median(repeat) / median(floor),
      printPageMs: median(html),
      echartsPrintPageMs: median(echartsHtml),
      svgCharts: (page.match(/<svg/g) ?? []).length,
    };
    results.dashboards[reportId] = r;
    console.log(
      `${reportId.padEnd(20)} ${`${r.frameworkMs.toFixed(0)} ms`.padStart(10)} ${`${r.floorMs.toFixed(0)} ms`.padStart(8)} ${r.ratio.toFixed(2).padStart(6)} ${`${r.repeatMs.toFixed(0)} ms`.padStart(8)} ${r.repeatRatio.toFixed(2).padStart(6)} ${`${r.printPageMs.toFixed(1)} ms`.padStart(9)} ${`${r.echartsPrintPageMs.toFixed(0)} ms`.padStart(8)} ${String(r.svgCharts).padStart(5)}`,
    );
  }
  const ratios = Object.values(results.dashboards).map((r) => r.ratio);
  const repeats = Object.values(results.dashboards).map((r) => r.repeatRatio);
  results.worstRatio = Math.max(...ratios);
  results.medianRatio = median(ratios);
  results.medianRepeatRatio = median(repeats);
  console.log(
    `\nratio to the floor: median ${results.medianRatio.toFixed(2)}, worst ${results.worstRatio.toFixed(2)} (target ≤ 1.5); repeat: median ${results.medianRepeatRatio.toFixed(2)}, worst ${Math.max(...repeats).toFixed(2)}\n`,
  );

  console.log(`throughput over ${seconds} s per cell, cycling over the ${reports.length} dashboards (pool of 4 pages)`);
  console.log(`${'concurrent'.padEnd(11)} ${'framework'.padStart(12)} ${'floor'.padStart(12)} ${'share'.padStart(6)}`);
  /** The floor on `concurrency` warm pages, each printing the finished pages in turn. */
  async function floorRate(concurrency, runSeconds = seconds) {
    const ready = [];
    const releases = [];
    for (let i = 0; i < concurrency; i++) {
      let release;
      const held = new Promise((resolve) => (release = resolve));
      releases.push(release);
      ready.push(
        new Promise((resolvePage) =>
          warmPage(async (page) => {
            resolvePage(page);
            await held;
          }),
        ),
      );
    }
    const warm = await Promise.all(ready);
    const rate = await throughput(
      concurrency,
      (reportId, worker) => floorPrint(warm[worker], pages[reportId].page, pages[reportId].settings),
      runSeconds,
    );
    for (const release of releases) release();
    return rate;
  }
  const frameworkRate = (concurrency, runSeconds = seconds) =>
    throughput(concurrency, (reportId) => exportPdf({ project, reportId, now }, { pool, memo: false }), runSeconds);

  for (const concurrency of [1, 2, 4]) {
    // Two half-length runs per side in the order framework, floor, floor, framework: whatever the
    // machine or Chromium was still doing when a cell began (closing the tabs of the cell before,
    // another process) weighs on both sides alike.
    const half = seconds / 2;
    const f1 = await frameworkRate(concurrency, half);
    const b1 = await floorRate(concurrency, half);
    const b2 = await floorRate(concurrency, half);
    const f2 = await frameworkRate(concurrency, half);
    const framework = (f1 + f2) / 2;
    const floor = (b1 + b2) / 2;
    results.throughput[concurrency] = { frameworkPdfPerSecond: framework, floorPdfPerSecond: floor, share: framework / floor };
    console.log(
      `${String(concurrency).padEnd(11)} ${`${framework.toFixed(1)} PDF/s`.padStart(12)} ${`${floor.toFixed(1)} PDF/s`.padStart(12)} ${`${((framework / floor) * 100).toFixed(0)}%`.padStart(6)}`,
    );
  }
  // Memory in runs of its own: reading smaps of Chromium's processes stalls them, so sampling
  // during the throughput cells would distort those.
  let stop = sampleRss(250);
  await frameworkRate(4);
  const peak = stop();
  results.chromium.peakRssMB = peak.rss / 2 ** 20;
  results.chromium.peakPssMB = peak.pss / 2 ** 20;
  stop = sampleRss(250);
  await floorRate(4);
  const floorPeak = stop();
  results.chromium.floorPeakRssMB = floorPeak.rss / 2 ** 20;
  results.chromium.floorPeakPssMB = floorPeak.pss / 2 ** 20;
  console.log(
    `\nChromium under 4 concurrent renders (process tree, /proc): peak RSS sum ${results.chromium.peakRssMB.toFixed(0)} MB, peak PSS sum ${results.chromium.peakPssMB.toFixed(0)} MB (floor run: ${results.chromium.floorPeakRssMB.toFixed(0)} / ${results.chromium.floorPeakPssMB.toFixed(0)} MB)`,
  );
  // Last: the path before server-side charts (the static page with the client bundle, ECharts
  // drawing in a foreground tab), for scale. Its script-running tabs leave Chromium busier for a
  // while afterwards, which the product's own prints (scripts off) never do, so nothing is timed after it.
  console.log('\nthe scripted path (client bundle draws the charts in the page), for scale');
  for (const reportId of reports) {
    const scriptedHtml = await renderStaticDashboard({ project, reportId, now });
    const scripted = [];
    for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
      const t = performance.now();
      await printPdf(pool, scriptedHtml, { ...pages[reportId].settings, finished: false });
      scripted.push(performance.now() - t);
    }
    const r = results.dashboards[reportId];
    r.scriptedMs = median(scripted);
    r.scriptedRatio = r.scriptedMs / r.floorMs;
    console.log(
      `${reportId.padEnd(20)} ${`${r.scriptedMs.toFixed(0)} ms`.padStart(9)} ${r.scriptedRatio.toFixed(2).padStart(6)}× the floor`,
    );
  }
  results.loadAfter = load();
  console.log(`load average after: ${results.loadAfter.join(' ')}`);
  if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 2));
} finally {
  await pool.close();
  await project.close();
}
