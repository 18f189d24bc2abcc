/**
 * End-to-end: the figures the page shows (its hooks) are the engine's, computed in the page's worker
 * on the visible enterprises — checked against the same engine run here in Node on the data file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { toAnalysisRecord } from '../../src/analysis/to-analysis-record.ts';
import type { AnalysisResult } from '../../src/analysis/types.ts';
import { parseEnterprisesGeoJSON, parseZonesGeoJSON } from '../../src/data/parse.ts';
import { CHAIN_STAGES, type Stage } from '../../src/data/types.ts';
import { launch, openPage, waitReady } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (f: string) => JSON.parse(readFileSync(resolve(ROOT, 'geodata', f), 'utf8'));
const enterprises = parseEnterprisesGeoJSON(read('enterprises.sample.geojson')).records;
const zones = parseZonesGeoJSON(read('zones.sample.geojson')).records;
const prefecture = read('shangrao-prefecture.geojson');

function expected(stages: Stage[], params?: { minPoints: number }): AnalysisResult {
  const records = enterprises.map(toAnalysisRecord);
  return analyze({
    records: records.filter((r) => stages.includes(r.stage)),
    chainRecords: records,
    zones,
    studyArea: prefecture,
    ...(params ? { params } : {}),
  });
}

const close = (a: number | null, b: string | null) => {
  if (a === null) expect(b).toBe('NaN');
  else expect(Math.abs(Number(b) - a)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a)));
};

async function checkHooks(page: Page, r: AnalysisResult) {
  for (const st of CHAIN_STAGES) {
    const el = page.locator(`[data-agglomeration="${st}"]`);
    expect(await el.getAttribute('data-level'), st).toBe(r.stages[st].level);
    expect(Number(await el.getAttribute('data-clusters')), st).toBe(r.stages[st].clusters.length);
    close(r.stages[st].nni.R, await el.getAttribute('data-nni'));
  }
  for (const a of CHAIN_STAGES) {
    for (const b of CHAIN_STAGES)
      close(
        r.clq[`${a}/${b}`] ?? null,
        await page.locator(`[data-clq="${a}/${b}"]`).getAttribute('data-value'),
      );
  }
  for (const q of r.lq)
    close(q.value, await page.locator(`[data-lq="${q.county}/${q.stage}"]`).getAttribute('data-value'));
  expect(await page.locator('[data-zone-chain]').count()).toBe(r.zoneChains.length);
  for (const z of r.zoneChains) {
    const el = page.locator(`[data-zone-chain="${z.id}"]`);
    for (const st of CHAIN_STAGES)
      expect(Number(await el.getAttribute(`data-${st}`)), `${z.id} ${st}`).toBe(z.counts[st]);
    expect(await el.getAttribute('data-gaps')).toBe(z.gaps.join(','));
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('figures shown = the engine on the visible enterprises', () => {
  it('all stages, then upstream off, then minPoints 4; completeness ignores the stage filter', async () => {
    const g = await openPage(browser, '/portal/belt/');
    const { page } = g;
    await waitReady(page);
    const all = expected(['upstream', 'midstream', 'downstream', 'support', 'unclassified']);
    expect(all.stages.midstream.level).not.toBe('none'); // the sample is big enough to judge
    await checkHooks(page, all);

    await page.locator('[data-stage-filter="upstream"]').uncheck();
    await waitReady(page);
    const noUp = expected(['midstream', 'downstream', 'support', 'unclassified']);
    expect(noUp.stages.upstream.level).toBe('none');
    await checkHooks(page, noUp);
    // Chain completeness still counts upstream firms.
    expect(noUp.zoneChains).toEqual(all.zoneChains);

    await page.locator('[data-param="minPoints"]').fill('4');
    await page.locator('[data-param="minPoints"]').press('Enter');
    await page.locator('[data-param="minPoints"]').blur();
    await waitReady(page);
    await checkHooks(
      page,
      expected(['midstream', 'downstream', 'support', 'unclassified'], { minPoints: 4 }),
    );
    // The largest cluster opens with its figures; its members open as enterprises.
    const top = page.locator('[data-cluster]').first();
    const key = await top.getAttribute('data-cluster');
    await top.locator('button').click();
    const details = page.locator(`[data-details][data-cluster-id="${key}"]`);
    await details.waitFor();
    expect(await details.locator('[data-field="members"]').textContent()).toBe(
      await top.getAttribute('data-members'),
    );
    await details.locator('.cluster-members button').first().click();
    await page.locator('[data-details][data-enterprise-id]').waitFor();
    expect(g.problems).toEqual([]);
    await g.context.close();
  });
});
