/**
 * The page's state machine with the real App, the real engine and a controllable runner (no map:
 * the no-WebGL path): data-map-state transitions, what each change asks the engine for, stale
 * results dropped, failures shown as errors, and the stage counts of the contract.
 */
import { render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { type Ask, SupersededError } from '../../src/analysis/client.ts';
import { createAnalysisSession } from '../../src/analysis/session.ts';
import type { Enterprise } from '../../src/data/types.ts';
import { DEFAULT_CONFIG } from '../../src/embed/config.ts';
import { App } from '../../src/ui/App.tsx';
import type { AnalysisRunner } from '../../src/ui/figures.ts';
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
  ask: Ask;
  /** Records the request covers (every filter but the stage filter). */
  filter: Uint32Array;
  resolve(): void;
  reject(err: unknown): void;
}

/** A runner over the real session whose every figure request waits until the test resolves it. */
function setup() {
  const calls: Call[] = [];
  const session = createAnalysisSession();
  let filters = 0;
  const ids = new WeakMap<Uint32Array, number>();
  const runner: AnalysisRunner = {
    load: (records, zones, studyArea) => Promise.resolve(session.load(records, zones, studyArea)),
    figures: ((ask: Ask, idx: Uint32Array) =>
      new Promise((res, rej) => {
        calls.push({
          ask,
          filter: idx,
          resolve: () => {
            let id = ids.get(idx);
            if (id === undefined) {
              id = ++filters;
              ids.set(idx, id);
              session.setFilter(id, idx);
            }
            res(session.compute({ ...ask, filter: id }) as never);
          },
          reject: rej,
        });
      })) as AnalysisRunner['figures'],
  };
  const state = createBeltState(DEFAULT_CONFIG, {}, runner);
  state.setUi('noWebGL', true);
  const [boundaries] = createSignal(null);
  const r = render(() => (
    <App state={state} config={DEFAULT_CONFIG} boundaries={boundaries} dataBase="data/" />
  ));
  state.loadData({ enterprises: DATA, zones: [], sample: true });
  const html = document.documentElement;
  const flush = () => new Promise((r2) => setTimeout(r2, 0));
  const kinds = (from = 0) =>
    calls.slice(from).map((c) => (c.ask.kind === 'stage' ? `stage:${c.ask.stage}` : c.ask.kind));
  const resolveAll = async (from = 0) => {
    for (const c of calls.slice(from)) c.resolve();
    await flush();
  };
  return { calls, state, html, flush, kinds, resolveAll, ...r };
}

describe('App state', () => {
  it('is loading until the figures for the current filter arrive, then ready', async () => {
    const { calls, html, flush, kinds, resolveAll, container } = setup();
    expect(html.dataset.mapState).toBe('loading');
    await flush(); // the dataset is in the engine: the figures are asked for, in parts
    expect(kinds().sort()).toEqual([
      'chain',
      'cross',
      'stage:downstream',
      'stage:midstream',
      'stage:upstream',
    ]);
    expect(calls[0]!.filter.length).toBe(DATA.length); // every filter but the stage filter
    await resolveAll();
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

  it('a stage toggle asks only for the cross-stage quotients; a stale answer is dropped', async () => {
    const { calls, state, html, flush, kinds, resolveAll, container } = setup();
    await flush();
    await resolveAll();
    const n = calls.length;
    state.toggleStage('midstream', false);
    expect(html.dataset.mapState).toBe('loading');
    // Faceted: a switched-off stage counts what switching it on would show.
    expect(container.querySelector('[data-stage-count="midstream"]')!.textContent).toBe('12');
    // The per-stage figures and the chain completeness do not depend on the stage filter.
    expect(container.querySelector('[data-agglomeration="midstream"]')!.getAttribute('data-level')).toBe(
      'none',
    );
    state.toggleStage('upstream', false);
    expect(kinds(n)).toEqual(['cross', 'cross']);
    // Switching support changes no chain figure: nothing is asked.
    state.toggleStage('support', false);
    state.toggleStage('support', true);
    expect(calls.length).toBe(n + 2);
    // The older request ends late: it must not make the page ready with wrong figures.
    calls[n]!.resolve();
    await flush();
    expect(html.dataset.mapState).toBe('loading');
    calls[n + 1]!.resolve();
    await flush();
    expect(html.dataset.mapState).toBe('ready');
    // One announcement for the settled change (none for the first load).
    expect(container.querySelector('[data-status]')!.textContent).toBe('可见 3 家；集聚指标已更新');
    expect(container.querySelector('[data-agglomeration="upstream"]')!.getAttribute('data-level')).toBe(
      'none',
    );
    expect(
      container.querySelector('[data-clq="downstream/downstream"]')!.getAttribute('data-value'),
    ).not.toBeNull();
    // Switched back on, a stage shows its figures again without asking for them.
    state.toggleStage('midstream', true);
    expect(kinds(n + 2)).toEqual(['cross']);
    await resolveAll(n + 2);
    expect(container.querySelector('[data-agglomeration="midstream"]')!.getAttribute('data-clusters')).toBe(
      '1',
    );
  });

  it('a parameter change asks for the three stages only; superseded is silent, a failure is an error', async () => {
    const { calls, state, html, flush, kinds, resolveAll, container } = setup();
    await flush();
    await resolveAll();
    const n = calls.length;
    state.setUi('params', { minPoints: 4 });
    expect(kinds(n).sort()).toEqual(['stage:downstream', 'stage:midstream', 'stage:upstream']);
    expect(calls.slice(n).every((c) => c.ask.kind === 'stage' && c.ask.minPoints === 4)).toBe(true);
    calls[n]!.reject(new SupersededError());
    await flush();
    expect(html.dataset.mapState).toBe('loading');
    expect(container.querySelector('.error')).toBeNull();
    calls[n + 1]!.reject(new Error('worker crashed'));
    await flush();
    expect(html.dataset.mapState).toBe('error');
    expect(container.querySelector('.error')!.textContent).toContain('worker crashed');
    // The next successful analysis clears it.
    state.setUi('params', { minPoints: 5 });
    expect(kinds(n + 3)).toHaveLength(3);
    await resolveAll(n + 3);
    expect(html.dataset.mapState).toBe('ready');
    expect(container.querySelector('.error')).toBeNull();
  });

  it('a failed cross-stage or chain answer is an error, not a page stuck at loading', async () => {
    const { calls, state, html, flush, kinds, resolveAll, container } = setup();
    await flush();
    await resolveAll();
    const n = calls.length;
    state.toggleStage('downstream', false);
    expect(kinds(n)).toEqual(['cross']);
    calls[n]!.reject(new Error('out of memory'));
    await flush();
    expect(html.dataset.mapState).toBe('error');
    expect(container.querySelector('.error')!.textContent).toContain('out of memory');
  });

  // issue 8: the chain diagram and the investment-promotion list are computed only while shown.
  it('the chain panel: its figures asked only while open; a stage toggle asks for its links, not the list', async () => {
    const { calls, state, html, flush, kinds, resolveAll, container } = setup();
    await flush();
    await resolveAll();
    expect(kinds()).not.toContain('segments');
    expect(kinds()).not.toContain('gaps');
    const n = calls.length;
    state.setUi('chainOpen', true);
    expect(html.dataset.mapState).toBe('loading');
    expect(kinds(n).sort()).toEqual(['gaps', 'segments']);
    await resolveAll(n);
    expect(html.dataset.mapState).toBe('ready');
    expect(container.querySelectorAll('[data-chain-node]')).toHaveLength(10);
    expect(container.querySelector('[data-chain-node="processing"]')!.getAttribute('data-count')).toBe('0');
    expect(container.querySelectorAll('[data-gap]').length).toBeGreaterThan(0);
    const m = calls.length;
    state.toggleStage('upstream', false);
    expect(kinds(m)).toEqual(['cross', 'segments']);
    await resolveAll(m);
    expect(html.dataset.mapState).toBe('ready');
    // A segment node filters: every figure but the list follows.
    const k = calls.length;
    state.setFilters({ segments: ['casting'] });
    expect(kinds(k).sort()).toEqual([
      'chain',
      'cross',
      'segments',
      'stage:downstream',
      'stage:midstream',
      'stage:upstream',
    ]);
    await resolveAll(k);
    expect(html.dataset.mapState).toBe('ready');
    state.setUi('chainOpen', false);
    expect(container.querySelector('[data-chain-panel]')).toBeNull();
    expect(html.dataset.mapState).toBe('ready');
  });
});
