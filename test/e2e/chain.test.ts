/**
 * End-to-end: the chain diagram and the investment-promotion list show the figures computed here,
 * independently (the definitions the slow way: test/analysis/brute-*.ts), from the page's own GeoJSON
 * export (which carries the resolved zone) and the zones file; before and after a stage toggle and a
 * segment filter set by a node; the list's CSV and XLSX exports; screenshots in both languages.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAIN_SEGMENTS } from '../../src/analysis/chain-segments.ts';
import type { GapRow } from '../../src/analysis/gap-list.ts';
import type { AnalysisRecord } from '../../src/analysis/types.ts';
import { COUNTIES } from '../../src/data/counties.ts';
import { parseZonesGeoJSON } from '../../src/data/parse.ts';
import { CHAIN_STAGES, SEGMENT_STAGE, type Segment } from '../../src/data/types.ts';
import { bruteClq } from '../analysis/brute-clq.ts';
import { bruteGaps } from '../analysis/brute-gaps.ts';
import { launch, openPage, waitReady } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test/e2e/__screenshots__');
const zones = parseZonesGeoJSON(
  JSON.parse(readFileSync(resolve(ROOT, 'geodata/zones.sample.geojson'), 'utf8')),
).records;

async function download(page: Page, kind: string): Promise<Buffer> {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-export="${kind}"]`).click(),
  ]);
  return readFileSync(await d.path());
}

/** The visible enterprises as the page exports them, as analysis records (zone = the resolved zone). */
async function exportedRecords(page: Page): Promise<AnalysisRecord[]> {
  const fc = JSON.parse(
    (await download(page, 'geojson')).toString('utf8'),
  ) as GeoJSON.FeatureCollection<GeoJSON.Point | null>;
  return fc.features.map((f) => {
    const p = f.properties as Record<string, string | null>;
    return {
      id: String(p.id),
      stage: p.stage as AnalysisRecord['stage'],
      segment: (p.segment ?? null) as Segment | null,
      county: p.county ?? null,
      zone: p.zone ?? null,
      lon: f.geometry ? f.geometry.coordinates[0]! : null,
      lat: f.geometry ? f.geometry.coordinates[1]! : null,
      precision: p.precision as AnalysisRecord['precision'],
    };
  });
}

/** Segment co-location by the definition over the located chain-segment firms of `records`. */
function expectedLinks(records: readonly AnalysisRecord[]): Map<string, number | null> {
  const located = records.filter(
    (r) =>
      r.segment !== null &&
      CHAIN_SEGMENTS.includes(r.segment) &&
      r.lon !== null &&
      r.lat !== null &&
      r.precision !== 'county' &&
      r.precision !== 'none',
  );
  const m = bruteClq(
    located.map((r) => [r.lon!, r.lat!]),
    located.map((r) => CHAIN_SEGMENTS.indexOf(r.segment!)),
    CHAIN_SEGMENTS.length,
  );
  const out = new Map<string, number | null>();
  CHAIN_SEGMENTS.forEach((g, a) => {
    CHAIN_SEGMENTS.forEach((h, b) => {
      out.set(`${g}/${h}`, m[a]![b]!);
    });
  });
  return out;
}

const close = (want: number | null, got: string | null, what: string) => {
  if (want === null) expect(got, what).toBe('NaN');
  else expect(Math.abs(Number(got) - want), what).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
};

async function checkDiagram(page: Page, records: readonly AnalysisRecord[]) {
  for (const g of CHAIN_SEGMENTS)
    expect(Number(await page.locator(`[data-chain-node="${g}"]`).getAttribute('data-count')), g).toBe(
      records.filter((r) => r.segment === g).length,
    );
  const links = expectedLinks(records);
  const shown = page.locator('[data-chain-link]');
  expect(await shown.count()).toBe(9 + 12);
  for (const el of await shown.all()) {
    const key = (await el.getAttribute('data-chain-link'))!;
    const [g, h] = key.split('/') as [Segment, Segment];
    const order = ['upstream', 'midstream', 'downstream'];
    expect(order.indexOf(SEGMENT_STAGE[h]) - order.indexOf(SEGMENT_STAGE[g]), key).toBe(1);
    close(links.get(key)!, await el.getAttribute('data-value'), key);
  }
}

async function checkGaps(page: Page, want: readonly GapRow[]) {
  const rows = page.locator('[data-gap]');
  expect(await rows.count()).toBe(want.length);
  const got = await rows.evaluateAll((els) =>
    els.map((e) => [
      e.getAttribute('data-gap'),
      e.getAttribute('data-status'),
      e.getAttribute('data-candidates'),
    ]),
  );
  expect(got).toEqual(
    want.map((r) => [`${r.zone}/${r.segment}`, r.status, r.candidates.map((c) => c.id).join(',')]),
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('chain diagram and investment-promotion list = the definitions on the exported firms', () => {
  it('all stages; upstream off; a segment node; a zone; exports; both languages', async () => {
    const g = await openPage(browser, '/portal/belt/', { viewport: { width: 1600, height: 1000 } });
    const { page } = g;
    await waitReady(page);
    await page.locator('[data-chain-toggle]').click();
    await page.locator('[data-gap]').first().waitFor();
    await waitReady(page);

    const all = await exportedRecords(page);
    await checkDiagram(page, all);
    const gaps = bruteGaps(
      all,
      all.map((r) => r.zone),
      zones,
    );
    expect(gaps.length).toBeGreaterThan(10);
    expect(new Set(gaps.map((r) => r.status)).size).toBeGreaterThan(1);
    await checkGaps(page, gaps);
    await page.locator('[data-chain-panel]').screenshot({ path: resolve(SHOTS, 'chain-zh.png') });
    // The charts: firms by county and stage (the location quotients' counts), cluster sizes per stage.
    for (const c of COUNTIES) {
      const bar = page.locator(`[data-county-bar="${c.adcode}"]`);
      for (const st of CHAIN_STAGES)
        expect(
          Number(await bar.locator(`[data-stage="${st}"]`).getAttribute('data-count')),
          `${c.adcode} ${st}`,
        ).toBe(all.filter((r) => r.county === c.adcode && r.stage === st).length);
    }
    const sizes = (await page.locator('[data-cluster-sizes="midstream"]').getAttribute('data-sizes'))!
      .split(',')
      .map(Number);
    expect(sizes.length).toBe(
      Number(await page.locator('[data-agglomeration="midstream"]').getAttribute('data-clusters')),
    );
    expect([...sizes].sort((x, y) => y - x)).toEqual(sizes);
    await page.locator('[data-chart="county-stage"]').scrollIntoViewIfNeeded();
    await page.locator('.side').screenshot({ path: resolve(SHOTS, 'charts-zh.png') });

    // A stage off: the diagram follows the visible firms; the list ignores the stage filter.
    await page.locator('[data-stage-filter="upstream"]').uncheck();
    await waitReady(page);
    const noUp = await exportedRecords(page);
    expect(noUp.some((r) => r.stage === 'upstream')).toBe(false);
    await checkDiagram(page, noUp);
    await checkGaps(page, gaps);

    // A node filters to its segment (keyboard), and activating it again clears the filter.
    const casting = page.locator('[data-chain-node="casting"]');
    await casting.focus();
    await page.keyboard.press('Enter');
    await waitReady(page);
    expect(await casting.getAttribute('aria-pressed')).toBe('true');
    const onlyCasting = await exportedRecords(page);
    expect(onlyCasting.length).toBeGreaterThan(0);
    expect(onlyCasting.every((r) => r.segment === 'casting')).toBe(true);
    await checkDiagram(page, onlyCasting);
    await checkGaps(page, gaps); // the segment filter does not apply to the list either
    await casting.click();
    await waitReady(page);
    expect(await casting.getAttribute('aria-pressed')).toBe('false');
    await checkDiagram(page, noUp);

    // A zone opened from the list: the diagram shows its own counts and marks what it lacks.
    const first = gaps.find((r) => r.kind === 'zone')!;
    await page.locator(`[data-gap="${first.zone}/${first.segment}"] th button`).click();
    await page.locator(`[data-details][data-zone-id="${first.zone}"]`).waitFor();
    const lacks = new Set(gaps.filter((r) => r.zone === first.zone).map((r) => r.segment));
    for (const s of CHAIN_SEGMENTS) {
      const node = page.locator(`[data-chain-node="${s}"]`);
      expect(Number(await node.getAttribute('data-count')), s).toBe(
        noUp.filter((r) => r.segment === s && r.zone === first.zone).length,
      );
      expect(await node.getAttribute('data-lacking'), s).toBe(lacks.has(s) ? 'true' : 'false');
    }
    // A county from the list: its own counts, its own gaps.
    const county = gaps.find((r) => r.kind === 'county')!;
    await page.locator(`[data-gap="${county.zone}/${county.segment}"] th button`).click();
    const adcode = county.zone.slice('county:'.length);
    const countyLacks = new Set(gaps.filter((r) => r.zone === county.zone).map((r) => r.segment));
    for (const s of CHAIN_SEGMENTS) {
      const node = page.locator(`[data-chain-node="${s}"]`);
      await expect
        .poll(async () => Number(await node.getAttribute('data-count')), { timeout: 5000 })
        .toBe(noUp.filter((r) => r.segment === s && r.county === adcode).length);
      expect(await node.getAttribute('data-lacking'), s).toBe(countyLacks.has(s) ? 'true' : 'false');
    }
    // Large text, high contrast: the diagram and the list grow with the page (a person looks at this).
    await page.locator('input[data-large-text]').check();
    await page.locator('[data-chain-panel]').screenshot({ path: resolve(SHOTS, 'chain-large-text.png') });
    await page.locator('input[data-large-text]').uncheck();
    // A candidate opens as an enterprise.
    const cand = first.candidates[0]!;
    await page.locator(`[data-gap="${first.zone}/${first.segment}"] [data-candidate="${cand.id}"]`).click();
    await page.locator(`[data-details][data-enterprise-id="${cand.id}"]`).waitFor();

    // CSV: BOM, readable headers, then the machine column names, one line per row.
    const csv = (await download(page, 'gaps')).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]!.split(',')[0]).toBe('园区/县编号');
    expect(lines[1]).toBe(
      'zone_id,zone_name,county,stage,segment,stage_status,zone_firms_of_stage,city_firms_of_segment,candidate_ids,candidate_names,candidate_km',
    );
    expect(lines).toHaveLength(gaps.length + 2);
    expect(lines[2]!.startsWith(`${gaps[0]!.zone},`)).toBe(true);
    // XLSX: the same table.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(page, 'gaps-xlsx')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(gaps.length + 2);
    expect(ws.getRow(2).getCell(1).value).toBe('zone_id');
    expect(ws.getRow(3).getCell(1).value).toBe(gaps[0]!.zone);
    expect(ws.getRow(3).getCell(9).value).toBe(gaps[0]!.candidates.map((c) => c.id).join(';'));

    await page.locator('[data-lang-switch]').click();
    await page.locator('#gaps-title').filter({ hasText: 'Investment-promotion list' }).waitFor();
    await page.locator('[data-chain-panel]').screenshot({ path: resolve(SHOTS, 'chain-en.png') });
    await page.screenshot({ path: resolve(SHOTS, 'chain-page-en.png') });
    expect(g.problems).toEqual([]);
    await g.context.close();
  });
});
