import { fireEvent, render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import type { AnalysisResult, StageFigures } from '../../src/analysis/types.ts';
import { type Enterprise, STAGES, type Stage, type Zone } from '../../src/data/types.ts';
import { setLang } from '../../src/i18n/index.ts';
import { EnterpriseList } from '../../src/ui/EnterpriseList.tsx';
import { Legend } from '../../src/ui/Legend.tsx';
import { Search } from '../../src/ui/Search.tsx';
import { Toolbar } from '../../src/ui/Toolbar.tsx';
import { ent as baseEnt } from './fixtures.ts';

const ent = (i: number, extra: Partial<Enterprise> = {}): Enterprise => baseEnt(i, { extra: {}, ...extra });

/** jsdom has no layout: scrollTop is stored but nothing scrolls; set it and send the event by hand. */
function scrollTo(el: HTMLElement, top: number) {
  el.scrollTop = top;
  fireEvent.scroll(el);
}

const rowButton = (root: ParentNode, id: string) =>
  root.querySelector<HTMLButtonElement>(`[data-enterprise-id="${id}"] button`);
const tabStops = (root: ParentNode) =>
  [...root.querySelectorAll<HTMLButtonElement>('.list-row')].filter((b) => b.tabIndex === 0);

describe('EnterpriseList keyboard and focus', () => {
  const items = Array.from({ length: 2000 }, (_, i) => ent(i));
  const renderList = (list: readonly Enterprise[] = items, onSelect = vi.fn()) =>
    render(() => <EnterpriseList items={list} selectedId={null} largeText={false} onSelect={onSelect} />);

  it('is one tab stop: only the active row has tabIndex 0', () => {
    const { container } = renderList();
    const stops = tabStops(container);
    expect(stops).toHaveLength(1);
    expect(stops[0]!.closest('li')!.getAttribute('data-enterprise-id')).toBe('E00000');
    for (const b of container.querySelectorAll<HTMLButtonElement>('.list-row'))
      if (b !== stops[0]) expect(b.tabIndex).toBe(-1);
  });

  it('keeps the focused row (same DOM node) through scroll events', () => {
    const { container } = renderList();
    const scroller = container.querySelector<HTMLElement>('[data-enterprise-list]')!;
    const button = rowButton(container, 'E00005')!;
    button.focus();
    expect(document.activeElement).toBe(button);
    // Scrolling by a few rows moves the rendered window: the row must not be rebuilt.
    for (const top of [40, 200, 400, 440]) {
      scrollTo(scroller, top);
      expect(document.activeElement).toBe(button);
      expect(button.isConnected).toBe(true);
    }
    // Scrolled far away the focused row stays rendered (and focused) outside the window.
    scrollTo(scroller, 40_000);
    expect(document.activeElement).toBe(button);
    expect(rowButton(container, 'E01000')).not.toBeNull();
    // And the list still has exactly one tab stop: the focused row.
    expect(tabStops(container)).toEqual([button]);
  });

  it('does not rebuild rows that stay in the window', () => {
    const { container } = renderList();
    const scroller = container.querySelector<HTMLElement>('[data-enterprise-list]')!;
    const before = rowButton(container, 'E00015')!;
    scrollTo(scroller, 120);
    expect(rowButton(container, 'E00015')).toBe(before);
    const li = before.closest('li')!;
    expect(li.getAttribute('aria-posinset')).toBe('16');
    expect(li.getAttribute('aria-setsize')).toBe('2000');
  });

  it('ArrowDown/ArrowUp, End, Home and PageDown move the active row and keep the focus', () => {
    const { container } = renderList();
    const scroller = container.querySelector<HTMLElement>('[data-enterprise-list]')!;
    rowButton(container, 'E00000')!.focus();
    const activeId = () =>
      (document.activeElement as HTMLElement).closest('li')!.getAttribute('data-enterprise-id');

    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(activeId()).toBe('E00001');
    expect(tabStops(container)).toEqual([document.activeElement]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(activeId()).toBe('E00000');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' }); // already first: stays
    expect(activeId()).toBe('E00000');

    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(activeId()).toBe('E01999');
    expect(tabStops(container)).toEqual([document.activeElement]);
    // The last row was scrolled into view (400 px viewport without layout, 40 px rows).
    expect(scroller.scrollTop).toBe(2000 * 40 - 400);
    const li = (document.activeElement as HTMLElement).closest('li')!;
    expect(li.getAttribute('aria-posinset')).toBe('2000');

    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(activeId()).toBe('E00000');
    expect(scroller.scrollTop).toBe(0);

    fireEvent.keyDown(document.activeElement!, { key: 'PageDown' });
    expect(activeId()).toBe('E00009'); // a viewport of 10 rows, less one of overlap
    fireEvent.keyDown(document.activeElement!, { key: 'PageUp' });
    expect(activeId()).toBe('E00000');
  });

  it('clamps the active row when the items shrink, and follows its enterprise when it stays', async () => {
    const [list, setList] = createSignal<readonly Enterprise[]>(items.slice(0, 50));
    const { container } = render(() => (
      <EnterpriseList items={list()} selectedId={null} largeText={false} onSelect={() => {}} />
    ));
    rowButton(container, 'E00000')!.focus();
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(tabStops(container)[0]!.closest('li')!.getAttribute('data-enterprise-id')).toBe('E00049');
    // The active enterprise moves to index 0 of the new list: it keeps the tab stop.
    setList(items.slice(49, 60));
    expect(tabStops(container).map((b) => b.closest('li')!.getAttribute('data-enterprise-id'))).toEqual([
      'E00049',
    ]);
    // Gone: the index is clamped to the new length.
    setList(items.slice(100, 103));
    const stops = tabStops(container);
    expect(stops).toHaveLength(1);
    expect(stops[0]!.getAttribute('data-row-index')).toBe('0');
  });

  it('formats the count in the heading and reads in English for any n', () => {
    setLang('en');
    const { container } = renderList(items.slice(0, 1));
    expect(container.querySelector('h2')!.textContent).toContain('enterprises: 1');
    setLang('zh');
    const big = Array.from({ length: 12345 }, (_, i) => ent(i));
    const r2 = renderList(big);
    expect(r2.container.querySelector('h2')!.textContent).toContain('12,345');
    expect(r2.container.querySelector('[data-enterprise-list]')!.getAttribute('data-total')).toBe('12345');
  });
});

describe('Search combobox', () => {
  const enterprises = [
    ent(1, { id: 'sample-0001', name: '示例·横峰县铜熔铸企业 0001', nameEn: 'Sample casting firm 0001' }),
    ent(2, { id: 'sample-0002', name: '示例·横峰县铜熔铸企业 0002', nameEn: 'Sample casting firm 0002' }),
    ent(3, {
      id: 'sample-0003',
      name: '示例·弋阳县铜材加工企业 0003',
      nameEn: 'Sample processing firm 0003',
    }),
  ];
  const zones = [] as unknown as readonly Zone[];
  const setup = () => {
    const onPick = vi.fn();
    const r = render(() => <Search enterprises={enterprises} zones={zones} onPick={onPick} />);
    const input = r.container.querySelector<HTMLInputElement>('input[type=search][data-search]')!;
    const status = r.container.querySelector<HTMLElement>('[role="status"]')!;
    const listbox = () => r.container.querySelector<HTMLElement>('[role="listbox"]');
    return { ...r, onPick, input, status, listbox };
  };
  const typeIn = (input: HTMLInputElement, v: string) => {
    input.focus();
    fireEvent.input(input, { target: { value: v } });
  };

  it('shows a listbox of options only, with aria-expanded following it, and a status with the count', async () => {
    setLang('zh');
    const { input, status, listbox } = setup();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(listbox()).toBeNull();
    expect(status.textContent).toBe('');

    typeIn(input, '横峰');
    await vi.waitFor(() => expect(listbox()).not.toBeNull(), { timeout: 5000 });
    const lb = listbox()!;
    expect(lb.children.length).toBe(2);
    for (const child of lb.children) expect(child.getAttribute('role')).toBe('option');
    expect(lb.querySelector('[data-search-hit="enterprise:sample-0001"]')).not.toBeNull();
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-controls')).toBe(lb.id);
    expect(input.getAttribute('aria-activedescendant')).toBe(lb.children[0]!.id);
    expect(lb.contains(status)).toBe(false);
    await vi.waitFor(() => expect(status.textContent).toBe('2 条结果'));

    // Escape closes: aria-expanded false, no listbox.
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(listbox()).toBeNull();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
  });

  it('says "no match" in the status, outside any listbox, with aria-expanded false', async () => {
    const { input, status, listbox } = setup();
    typeIn(input, 'zzzzqqq');
    await vi.waitFor(() => expect(status.textContent).toBe('没有匹配的名称'), { timeout: 5000 });
    expect(listbox()).toBeNull();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(status.classList.contains('visually-hidden')).toBe(false); // shown where the list would be
  });

  it('ArrowDown from a closed list opens it on the first option; Enter picks only while open', async () => {
    const { input, listbox, onPick } = setup();
    typeIn(input, '横峰');
    await vi.waitFor(() => expect(listbox()).not.toBeNull(), { timeout: 5000 });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(listbox()).toBeNull();
    // Enter with the list closed does nothing.
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onPick).not.toHaveBeenCalled();

    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const lb = listbox()!;
    expect(lb).not.toBeNull();
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const first = lb.children[0]!;
    expect(first.getAttribute('aria-selected')).toBe('true');
    expect(lb.children[1]!.getAttribute('aria-selected')).toBe('false');
    expect(input.getAttribute('aria-activedescendant')).toBe(first.id);

    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(lb.children[1]!.id);
    fireEvent.keyDown(input, { key: 'ArrowDown' }); // wraps
    expect(input.getAttribute('aria-activedescendant')).toBe(first.id);

    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith({ kind: 'enterprise', id: 'sample-0001' });
    expect(listbox()).toBeNull();
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('finds by pinyin initials (the e2e path) and picks with Enter', async () => {
    const { input, listbox, onPick } = setup();
    typeIn(input, 'slhfxtrzqy0001');
    await vi.waitFor(
      () => expect(listbox()?.querySelector('[data-search-hit="enterprise:sample-0001"]')).toBeTruthy(),
      {
        timeout: 5000,
      },
    );
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith({ kind: 'enterprise', id: 'sample-0001' });
  });

  it('scrolls the active option into view', async () => {
    const calls: Element[] = [];
    const proto = Element.prototype as unknown as { scrollIntoView?: (o?: unknown) => void };
    const had = proto.scrollIntoView;
    proto.scrollIntoView = function (this: Element) {
      calls.push(this);
    };
    try {
      const { input, listbox } = setup();
      typeIn(input, '横峰');
      await vi.waitFor(() => expect(listbox()).not.toBeNull(), { timeout: 5000 });
      fireEvent.keyDown(input, { key: 'ArrowDown' });
      expect(calls.at(-1)).toBe(listbox()!.children[1]);
    } finally {
      proto.scrollIntoView = had;
    }
  });
});

describe('Toolbar toggles', () => {
  const renderToolbar = (over: { listOpen?: boolean; panelOpen?: boolean; noWebGL?: boolean } = {}) =>
    render(() => (
      <Toolbar
        title="t"
        embed={false}
        largeText={false}
        listOpen={over.listOpen ?? false}
        panelOpen={over.panelOpen ?? false}
        noWebGL={over.noWebGL}
        visible={12345}
        search={<span />}
        onLang={() => {}}
        onLargeText={() => {}}
        onList={() => {}}
        onPanel={() => {}}
        onExport={() => {}}
      />
    ));

  it('keeps one label per toggle; the state is aria-pressed; no live region on the count', () => {
    setLang('en');
    for (const on of [false, true]) {
      const { container, unmount } = renderToolbar({ listOpen: on, panelOpen: on });
      const list = container.querySelector('[data-list-toggle]')!;
      const panel = container.querySelector('[data-panel-toggle]')!;
      expect(list.textContent).toBe('List');
      expect(panel.textContent).toBe('Analysis');
      expect(list.getAttribute('aria-pressed')).toBe(String(on));
      expect(panel.getAttribute('aria-pressed')).toBe(String(on));
      expect(container.querySelector('[aria-live]')).toBeNull();
      expect(container.querySelector('.visible-count')!.textContent).toContain('12,345');
      unmount();
    }
    setLang('zh');
  });

  it('without WebGL offers neither the list toggle nor the image export', () => {
    const { container } = renderToolbar({ noWebGL: true });
    expect(container.querySelector('[data-list-toggle]')).toBeNull();
    expect(container.querySelector('[data-export="png"]')).toBeNull();
    expect(container.querySelector('[data-export="csv"]')).not.toBeNull();
    expect(container.querySelector('[data-panel-toggle]')).not.toBeNull();
    const r2 = renderToolbar();
    expect(r2.container.querySelector('[data-list-toggle]')).not.toBeNull();
    expect(r2.container.querySelector('[data-export="png"]')).not.toBeNull();
  });
});

describe('Legend live regions and numbers', () => {
  const counts = (n: number) => Object.fromEntries(STAGES.map((s) => [s, n])) as Record<Stage, number>;
  const fig = (stage: 'upstream' | 'midstream' | 'downstream', clusters: number): StageFigures =>
    ({
      stage,
      count: 1,
      located: 1,
      clusters: Array.from({ length: clusters }, (_, id) => ({ id, stage, memberIds: [] })),
      clusteredShare: 0.5,
      nni: { n: 1, areaKm2: 1, observedMeanKm: 1, expectedMeanKm: 1, R: 0.5, z: -3 },
      level: 'high',
    }) as unknown as StageFigures;
  const analysis = {
    params: { maxDistanceKm: 1.5, minPoints: 3, hexSideKm: 3 },
    stages: {
      upstream: fig('upstream', 1),
      midstream: fig('midstream', 12),
      downstream: fig('downstream', 2),
    },
  } as unknown as AnalysisResult;

  it('has no aria-live on the agglomeration blocks (aria-busy stays), reads "1 cluster", groups counts', () => {
    setLang('en');
    const { container } = render(() => (
      <Legend
        stages={[...STAGES]}
        counts={counts(12345)}
        analysis={analysis}
        computing={true}
        largeText={false}
        hulls
        hexGrid={false}
        hexStage="total"
        onHexStage={() => {}}
        onOverlay={() => {}}
        onToggle={() => {}}
        onAll={() => {}}
      />
    ));
    expect(container.querySelector('[aria-live]')).toBeNull();
    const up = container.querySelector('[data-agglomeration="upstream"]')!;
    expect(up.getAttribute('aria-busy')).toBe('true');
    // Issue 8: the figures read as one sentence, in the singular for one cluster.
    expect(up.textContent).toContain('sit in 1 cluster;');
    expect(up.textContent).not.toContain('1 clusters');
    // The hook keeps the plain integer; people see it grouped.
    expect(container.querySelector('[data-stage-count="midstream"]')!.textContent).toBe('12345');
    expect(container.querySelector('[data-stage-count="midstream"]')!.closest('li')!.textContent).toContain(
      '12,345',
    );
    setLang('zh');
  });
});

describe('analysis parameters', () => {
  it('an out-of-range value is refused visibly (aria-invalid and a message), the value in force stays', async () => {
    const { AnalysisPanel } = await import('../../src/ui/AnalysisPanel.tsx');
    setLang('zh');
    const onParams = vi.fn();
    const { container } = render(() => (
      <AnalysisPanel
        analysis={null}
        zones={[]}
        params={{ maxDistanceKm: 1.5, minPoints: 3, hexSideKm: 3 }}
        onParams={onParams}
        onSelectZone={() => {}}
        onSelectCluster={() => {}}
      />
    ));
    const input = container.querySelector<HTMLInputElement>('[data-param="minPoints"]')!;
    input.value = '500';
    fireEvent.change(input);
    expect(onParams).not.toHaveBeenCalled();
    expect(input.value).toBe('3');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector(`#${input.getAttribute('aria-describedby')}`)!.textContent).toContain(
      '1–100',
    );
    input.value = '4';
    fireEvent.change(input);
    expect(onParams).toHaveBeenCalledWith({ minPoints: 4 });
    expect(input.getAttribute('aria-invalid')).toBe('false');
  });
});
