/**
 * The page's state machine with the real App, the real engine and a controllable runner (no map:
 * the no-WebGL path): data-map-state transitions, stale results dropped, failures shown as errors,
 * and the stage counts of the contract.
 */
import { render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { SupersededError } from '../../src/analysis/client.ts';
import { toAnalysisRecord } from '../../src/analysis/to-analysis-record.ts';
import type { AnalysisParams, AnalysisResult } from '../../src/analysis/types.ts';
import type { Enterprise } from '../../src/data/types.ts';
import { DEFAULT_CONFIG } from '../../src/embed/config.ts';
import { type AnalysisRunner, App } from '../../src/ui/App.tsx';
import { createBeltState } from '../../src/ui/state.ts';

const e = (i: number, stage: Enterprise['stage'], located = true): Enterprise => ({
  id: `E${i}`,
  name: `示例企业 ${i}`,
  nameEn: null,
  stage,
  segment: null,
  county: '361104',
  zone: null,
  lon: located ? 117.9 + (i % 7) * 0.002 : null,
  lat: located ? 28.4 + Math.floor(i / 7) * 0.002 : null,
  precision: located ? 'exact' : 'none',
  source: 'test',
  extra: {},
});
const DATA: Enterprise[] = [
  ...Array.from({ length: 12 }, (_, i) => e(i, 'midstream')),
  ...Array.from({ length: 6 }, (_, i) => e(100 + i, 'upstream')),
  e(200, 'downstream'),
  e(201, 'downstream', false),
  e(300, 'support'),
];

interface Call {
  visible: Uint32Array;
  params: Partial<AnalysisParams> | undefined;
  resolve(): void;
  reject(err: unknown): void;
}

function setup() {
  const calls: Call[] = [];
  const runner: AnalysisRunner = {
    analyze: (visible, chain, params) =>
      new Promise<AnalysisResult>((res, rej) => {
        calls.push({
          visible,
          params,
          resolve: () =>
            res(
              analyze({
                records: Array.from(visible, (i) => toAnalysisRecord(DATA[i]!)),
                chainRecords: Array.from(chain, (i) => toAnalysisRecord(DATA[i]!)),
                params,
              }),
            ),
          reject: rej,
        });
      }),
  };
  const state = createBeltState(DEFAULT_CONFIG, {});
  state.setUi('noWebGL', true);
  const [boundaries] = createSignal(null);
  const r = render(() => (
    <App state={state} config={DEFAULT_CONFIG} runner={runner} boundaries={boundaries} dataBase="data/" />
  ));
  state.loadData({ enterprises: DATA, zones: [], sample: true });
  const html = document.documentElement;
  const flush = () => new Promise((r2) => setTimeout(r2, 0));
  return { calls, state, html, flush, ...r };
}

describe('App state', () => {
  it('is loading until the figures for the current filter arrive, then ready', async () => {
    const { calls, html, flush, container } = setup();
    expect(html.dataset.mapState).toBe('loading');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.visible.length).toBe(DATA.length);
    calls[0]!.resolve();
    await flush();
    expect(html.dataset.mapState).toBe('ready');
    expect(container.querySelector('[data-status]')!.textContent).toBe('');
    expect(container.querySelector('[data-agglomeration="midstream"]')!.getAttribute('data-clusters')).toBe(
      '1',
    );
    // Counts: every enterprise of the stage passing the filters, located or not.
    expect(container.querySelector('[data-stage-count="downstream"]')!.textContent).toBe('2');
    expect(container.querySelector('[data-sample-notice]')).not.toBeNull();
    expect(container.querySelector('[data-enterprise-list]')!.getAttribute('data-total')).toBe(
      String(DATA.length),
    );
  });

  it('drops a stale result: only the newest filter state becomes ready', async () => {
    const { calls, state, html, flush, container } = setup();
    calls[0]!.resolve();
    await flush();
    state.toggleStage('midstream', false);
    expect(html.dataset.mapState).toBe('loading');
    expect(container.querySelector('[data-stage-count="midstream"]')!.textContent).toBe('0');
    state.toggleStage('upstream', false);
    expect(calls).toHaveLength(3);
    // The older request ends late: it must not make the page ready with wrong figures.
    calls[1]!.resolve();
    await flush();
    expect(html.dataset.mapState).toBe('loading');
    calls[2]!.resolve();
    await flush();
    expect(html.dataset.mapState).toBe('ready');
    // One announcement for the settled change (none for the first load).
    expect(container.querySelector('[data-status]')!.textContent).toBe('可见 3 家；集聚指标已更新');
    expect(container.querySelector('[data-agglomeration="midstream"]')!.getAttribute('data-level')).toBe(
      'none',
    );
    expect(container.querySelector('[data-agglomeration="upstream"]')!.getAttribute('data-level')).toBe(
      'none',
    );
    expect(calls[2]!.visible.length).toBe(3); // two downstream (one unlocated), one support
  });

  it('a superseded request is silent; a failed one shows an error state', async () => {
    const { calls, state, html, flush, container } = setup();
    calls[0]!.reject(new SupersededError());
    await flush();
    expect(html.dataset.mapState).toBe('loading');
    expect(container.querySelector('.error')).toBeNull();
    state.setUi('params', { minPoints: 4 });
    expect(calls[1]!.params?.minPoints).toBe(4);
    calls[1]!.reject(new Error('worker crashed'));
    await flush();
    expect(html.dataset.mapState).toBe('error');
    expect(container.querySelector('.error')!.textContent).toContain('worker crashed');
    // The next successful analysis clears it.
    state.setUi('params', { minPoints: 3 });
    calls[2]!.resolve();
    await flush();
    expect(html.dataset.mapState).toBe('ready');
    expect(container.querySelector('.error')).toBeNull();
  });
});
