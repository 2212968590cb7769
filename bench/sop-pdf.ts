// SOP PDF benchmark (`npm run bench -- --only sop`): warm time per SOP (p50/p95) for generated 10-, 40- and 120-activity
// maps through our path (layout + HTML + PdfPool.pdf) side by side with bare Chromium printing the same final HTML on a
// warm page of its own browser (our floor). Runs are interleaved so both see the same machine load.
import puppeteer from 'puppeteer-core';
import { parseBpmn } from '../server/bpmn/moddle';
import { DEFAULT_CHROMIUM, CHROMIUM_ARGS } from '../server/sop/pdf/launch-chromium';
import { PdfPool } from '../server/sop/pdf/pdf-pool';
import { FOOTER_MM, renderSop } from '../server/sop/render/index';

const SIZES = [10, 40, 120];
const LANES = ['Kepala Dinas', 'Kepala Bidang', 'Ketua Tim', 'Pejabat Fungsional/Pelaksana'];

/** A lintas-fungsi map: a chain of `activities` tasks over four lanes, a decision with a rework loop every eighth. */
export function sopBenchBpmn(activities: number): string {
  const nodes: Array<{ id: string; tag: string; name: string; lane: number }> = [{ id: 'Start', tag: 'startEvent', name: 'Permohonan diterima', lane: 0 }];
  const flows: Array<{ id: string; from: string; to: string; name?: string }> = [];
  let previous = 'Start';
  let answer: string | undefined;
  for (let i = 1; i <= activities; i += 1) {
    const id = `Task_${i}`;
    nodes.push({ id, tag: 'task', name: `Memeriksa dan mencatat berkas permohonan tahap ${i}`, lane: i % LANES.length });
    flows.push({ id: `Flow_${previous}_${id}`, from: previous, to: id, name: answer });
    previous = id;
    answer = undefined;
    if (i % 8 === 0 && i < activities) {
      const gateway = `Gateway_${i}`;
      nodes.push({ id: gateway, tag: 'exclusiveGateway', name: 'Berkas lengkap?', lane: i % LANES.length });
      flows.push({ id: `Flow_${id}_${gateway}`, from: id, to: gateway });
      flows.push({ id: `Flow_${gateway}_back`, from: gateway, to: `Task_${i - 3}`, name: 'Tidak' });
      previous = gateway;
      answer = 'Ya';
    }
  }
  nodes.push({ id: 'End', tag: 'endEvent', name: 'Permohonan selesai', lane: 0 });
  flows.push({ id: `Flow_${previous}_End`, from: previous, to: 'End' });
  const lanes = LANES.map(
    (name, index) =>
      `<bpmn:lane id="Lane_${index}" name="${name}">${nodes
        .filter((node) => node.lane === index)
        .map((node) => `<bpmn:flowNodeRef>${node.id}</bpmn:flowNodeRef>`)
        .join('')}</bpmn:lane>`,
  );
  const body = nodes.map((node) => `<bpmn:${node.tag} id="${node.id}" name="${node.name}"/>`);
  const edges = flows.map((flow) => `<bpmn:sequenceFlow id="${flow.id}" sourceRef="${flow.from}" targetRef="${flow.to}"${flow.name ? ` name="${flow.name}"` : ''}/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs" targetNamespace="http://petakerja/bench">',
    '<bpmn:collaboration id="Collab"><bpmn:participant id="Pool" name="Dinas" processRef="Process"/></bpmn:collaboration>',
    `<bpmn:process id="Process" isExecutable="false"><bpmn:laneSet id="LaneSet">${lanes.join('')}</bpmn:laneSet>${body.join('')}${edges.join('')}</bpmn:process>`,
    '</bpmn:definitions>',
  ].join('\n');
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export interface SopPdfRow {
  activities: number;
  pages: number;
  ours: { p50: number; p95: number };
  bare: { p50: number; p95: number };
  runs: number;
}

export async function runSopPdfBench(runs = 15, warmups = 3): Promise<{ rows: SopPdfRow[]; peakRssMb: number }> {
  const pool = new PdfPool({ size: 1 });
  const bare = await puppeteer.launch({ executablePath: DEFAULT_CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const page = await bare.newPage();
  let peakRss = process.memoryUsage().rss;
  const rows: SopPdfRow[] = [];
  try {
    for (const activities of SIZES) {
      const { definitions } = await parseBpmn(sopBenchBpmn(activities));
      const ours: number[] = [];
      const floor: number[] = [];
      let pages = 0;
      for (let i = 0; i < warmups + runs; i += 1) {
        const started = performance.now();
        const rendered = renderSop({ definitions, settings: { paper: 'A4' } });
        await pool.pdf(rendered.html, { paper: 'A4', landscape: true });
        const oursMs = performance.now() - started;
        pages = rendered.pageCount;

        const bareStarted = performance.now();
        await page.setContent(rendered.html, { waitUntil: 'load' });
        await page.pdf({ width: '297mm', height: '210mm', printBackground: true, margin: { bottom: `${FOOTER_MM}mm` } });
        const bareMs = performance.now() - bareStarted;
        if (i >= warmups) {
          ours.push(oursMs);
          floor.push(bareMs);
        }
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }
      rows.push({ activities, pages, runs, ours: { p50: percentile(ours, 50), p95: percentile(ours, 95) }, bare: { p50: percentile(floor, 50), p95: percentile(floor, 95) } });
    }
  } finally {
    await pool.close();
    await bare.close();
  }
  return { rows, peakRssMb: peakRss / 1024 ** 2 };
}

export function formatSopPdfBench({ rows, peakRssMb }: Awaited<ReturnType<typeof runSopPdfBench>>): string {
  return [
    '| activities | pages | ours p50 ms | ours p95 ms | bare page.pdf p50 ms | bare p95 ms | ours / bare (p50) |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) =>
      `| ${row.activities} | ${row.pages} | ${row.ours.p50.toFixed(0)} | ${row.ours.p95.toFixed(0)} | ${row.bare.p50.toFixed(0)} | ${row.bare.p95.toFixed(0)} | ${(row.ours.p50 / row.bare.p50).toFixed(2)}× |`,
    ),
    '',
    `Method: ${rows[0]?.runs ?? 0} timed runs per size after warm-up, interleaved. Ours = layout + HTML (renderSop) + PdfPool.pdf ` +
      '(one warm browser, reused tab); bare = setContent + page.pdf of the same final HTML (page numbers in its @page margin box, ' +
      `as ours) on a warm tab of a separate browser. Peak RSS of the node process (browsers excluded): ${peakRssMb.toFixed(0)} MB.`,
  ].join('\n');
}
