/** Component tests of the chain diagram and the investment-promotion list (issue 8). */
import { fireEvent, render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import { CHAIN_SEGMENTS } from '../../src/analysis/chain-segments.ts';
import type { GapRow } from '../../src/analysis/gap-list.ts';
import type { Segment } from '../../src/data/types.ts';
import { setLang } from '../../src/i18n/index.ts';
import { ChainDiagram } from '../../src/ui/ChainDiagram.tsx';
import { toggledSegment } from '../../src/ui/chain-diagram-model.ts';
import { GapList } from '../../src/ui/GapList.tsx';

const counts = Object.fromEntries(CHAIN_SEGMENTS.map((s, i) => [s, i * 3])) as Record<Segment, number>;
const clq: Record<string, number | null> = {};
for (const g of CHAIN_SEGMENTS)
  for (const h of CHAIN_SEGMENTS) clq[`${g}/${h}`] = g.length / 7 + h.length / 3;
clq['scrap/casting'] = null;

describe('ChainDiagram', () => {
  it('ten nodes with their counts, 21 links of consecutive stages with full-precision values', () => {
    const { container } = render(() => (
      <ChainDiagram
        counts={counts}
        lacking={new Set()}
        clq={clq}
        segments={null}
        placeName={null}
        largeText={false}
        onNode={() => {}}
      />
    ));
    const nodes = container.querySelectorAll('[data-chain-node]');
    expect([...nodes].map((n) => n.getAttribute('data-chain-node'))).toEqual(CHAIN_SEGMENTS);
    for (const n of nodes)
      expect(Number(n.getAttribute('data-count'))).toBe(counts[n.getAttribute('data-chain-node') as Segment]);
    const links = [...container.querySelectorAll('[data-chain-link]')];
    expect(links).toHaveLength(21);
    expect(links.map((l) => l.getAttribute('data-chain-link'))).toContain('mining/smelting');
    expect(links.map((l) => l.getAttribute('data-chain-link'))).toContain('processing/new-energy');
    expect(links.map((l) => l.getAttribute('data-chain-link'))).not.toContain('mining/wire-cable');
    const one = container.querySelector('[data-chain-link="raw-trade/processing"]')!;
    expect(one.getAttribute('data-value')).toBe(String(clq['raw-trade/processing']));
    expect(container.querySelector('[data-chain-link="scrap/casting"]')!.getAttribute('data-value')).toBe(
      'NaN',
    );
    // No inline style attribute anywhere (strict CSP); geometry by attributes.
    expect(container.querySelector('[style]:not(svg)')).toBeNull();
    expect(one.querySelector('line')!.getAttribute('stroke-width')).not.toBeNull();
    // Its numbers as tables too: 10 node rows, 21 link rows.
    const tables = container.querySelectorAll('.chart-table table');
    expect(tables[0]!.querySelectorAll('tbody tr')).toHaveLength(10);
    expect(tables[1]!.querySelectorAll('tbody tr')).toHaveLength(21);
  });

  it('a node is a keyboard toggle button: Enter and Space activate it; aria-pressed follows the filter', () => {
    const [segs, setSegs] = createSignal<Segment[] | null>(null);
    const onNode = vi.fn((s: Segment) => setSegs(toggledSegment(segs(), s)));
    const { container } = render(() => (
      <ChainDiagram
        counts={counts}
        lacking={new Set()}
        clq={null}
        segments={segs()}
        placeName={null}
        largeText={false}
        onNode={onNode}
      />
    ));
    const node = container.querySelector<SVGGElement>('[data-chain-node="casting"]')!;
    expect(node.getAttribute('role')).toBe('button');
    expect(node.getAttribute('tabindex')).toBe('0');
    expect(node.getAttribute('aria-label')).toContain('熔铸(铜杆/铜锭)');
    fireEvent.keyDown(node, { key: 'Enter' });
    expect(segs()).toEqual(['casting']);
    expect(node.getAttribute('aria-pressed')).toBe('true');
    fireEvent.keyDown(node, { key: ' ' });
    expect(segs()).toBeNull();
    expect(node.getAttribute('aria-pressed')).toBe('false');
    fireEvent.keyDown(node, { key: 'a' });
    fireEvent.click(node);
    expect(onNode).toHaveBeenCalledTimes(3);
    // Links without figures read as undefined, not 0.
    expect(container.querySelector('[data-chain-link="mining/smelting"]')!.getAttribute('data-value')).toBe(
      'NaN',
    );
  });

  it("a zone's own counts: the segments it lacks are marked in words, its name rendered as text", () => {
    const { container } = render(() => (
      <ChainDiagram
        counts={counts}
        lacking={new Set<Segment>(['hardware', 'mining'])}
        clq={clq}
        segments={null}
        placeName={'<img src=x onerror="alert(1)">园区'}
        largeText={true}
        onNode={() => {}}
      />
    ));
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">园区');
    const hw = container.querySelector('[data-chain-node="hardware"]')!;
    expect(hw.getAttribute('data-lacking')).toBe('true');
    expect(hw.querySelector('.lack-text')!.textContent).toBe('缺');
    expect(hw.getAttribute('aria-label')).toContain('缺少');
    expect(container.querySelector('[data-chain-node="casting"]')!.getAttribute('data-lacking')).toBe(
      'false',
    );
    // Large-text mode: the high-contrast palette on the diagram's colour variables.
    expect((container.querySelector('svg') as SVGSVGElement).style.getPropertyValue('--c-upstream')).toBe(
      '#B86E00',
    );
  });
});

const row = (zone: string, segment: Segment, extra: Partial<GapRow> = {}): GapRow => ({
  zone,
  kind: zone.startsWith('county:') ? 'county' : 'zone',
  county: '361104',
  stage: segment === 'mining' ? 'upstream' : segment === 'casting' ? 'midstream' : 'downstream',
  segment,
  status: 'missing',
  zoneFirmsOfStage: 0,
  cityFirmsOfSegment: 10,
  candidates: [
    { id: 'E1', km: 1.234 },
    { id: 'E2', km: 5.5 },
  ],
  ...extra,
});

describe('GapList', () => {
  const rows = [
    row('z-b', 'wire-cable'),
    row('z-a', 'casting', { status: 'thin', zoneFirmsOfStage: 1, candidates: [{ id: 'E3', km: 0.5 }] }),
    row('county:361104', 'mining', { status: 'present', zoneFirmsOfStage: 9, candidates: [] }),
  ];
  const names: Record<string, string> = {
    'z-a': '乙园区',
    'z-b': '<b>甲</b>园区',
    'county:361104': '县：广信区',
    E1: '=HYPERLINK("http://evil")',
    E2: '企业二',
    E3: '企业三',
  };
  const setup = () => {
    const onPlace = vi.fn();
    const onEnterprise = vi.fn();
    const onExport = vi.fn();
    const r = render(() => (
      <GapList
        rows={rows}
        place={(id) => names[id] ?? id}
        county={() => '广信区'}
        enterprise={(id) => names[id] ?? id}
        onPlace={onPlace}
        onEnterprise={onEnterprise}
        onExport={onExport}
      />
    ));
    const order = () =>
      [...r.container.querySelectorAll('[data-gap]')].map((e) => e.getAttribute('data-gap'));
    return { ...r, onPlace, onEnterprise, onExport, order };
  };

  it('one row per gap with its hooks, in the list order; names as text', () => {
    const { container, order } = setup();
    expect(order()).toEqual(['z-b/wire-cable', 'z-a/casting', 'county:361104/mining']);
    const first = container.querySelector('[data-gap="z-b/wire-cable"]')!;
    expect(first.getAttribute('data-status')).toBe('missing');
    expect(first.getAttribute('data-candidates')).toBe('E1,E2');
    expect(
      container.querySelector('[data-gap="county:361104/mining"]')!.getAttribute('data-candidates'),
    ).toBe('');
    expect(container.querySelector('b')).toBeNull();
    expect(first.textContent).toContain('<b>甲</b>园区');
    expect(first.textContent).toContain('1.2 公里');
  });

  it('sorts by a column heading, ascending then descending, and back', () => {
    const { container, order } = setup();
    const sortBy = (k: string) => fireEvent.click(container.querySelector(`[data-gap-sort="${k}"]`)!);
    sortBy('nearest');
    expect(order()).toEqual(['z-a/casting', 'z-b/wire-cable', 'county:361104/mining']); // none = farthest
    expect(
      container.querySelector('[data-gap-sort="nearest"]')!.closest('th')!.getAttribute('aria-sort'),
    ).toBe('ascending');
    sortBy('nearest');
    expect(order()).toEqual(['county:361104/mining', 'z-b/wire-cable', 'z-a/casting']);
    sortBy('zoneFirms');
    expect(order()).toEqual(['z-b/wire-cable', 'z-a/casting', 'county:361104/mining']);
    sortBy('stage');
    expect(order()).toEqual(['county:361104/mining', 'z-a/casting', 'z-b/wire-cable']);
    sortBy('status');
    expect(order()).toEqual(['z-b/wire-cable', 'z-a/casting', 'county:361104/mining']);
  });

  it('opens a zone and a candidate; exports by its buttons', () => {
    const { container, onPlace, onEnterprise, onExport } = setup();
    fireEvent.click(container.querySelector('[data-gap="z-a/casting"] th button')!);
    expect(onPlace).toHaveBeenCalledWith(rows[1]);
    fireEvent.click(container.querySelector('[data-gap="z-b/wire-cable"] [data-candidate="E2"]')!);
    expect(onEnterprise).toHaveBeenCalledWith('E2');
    fireEvent.click(container.querySelector('[data-export="gaps"]')!);
    fireEvent.click(container.querySelector('[data-export="gaps-xlsx"]')!);
    expect(onExport.mock.calls).toEqual([['gaps'], ['gaps-xlsx']]);
  });

  it('reads in English, and says so while computing or when nothing is lacking', () => {
    setLang('en');
    try {
      const a = render(() => (
        <GapList
          rows={null}
          place={String}
          county={String}
          enterprise={String}
          onPlace={() => {}}
          onEnterprise={() => {}}
          onExport={() => {}}
        />
      ));
      expect(a.container.textContent).toContain('Computing the promotion list');
      const b = render(() => (
        <GapList
          rows={[]}
          place={String}
          county={String}
          enterprise={String}
          onPlace={() => {}}
          onEnterprise={() => {}}
          onExport={() => {}}
        />
      ));
      expect(b.container.textContent).toContain('No segment is lacking');
    } finally {
      setLang('zh');
    }
  });
});
