/**
 * The import panel (issue 7) in jsdom, the import running in-process (no Worker there): the mapping
 * step shows the guess and the first rows as text, a column's field can be changed, confirm replaces
 * the sample, and the report carries the contract's counts and lists the rows.
 */
import 'fake-indexeddb/auto';
import { fireEvent, render, waitFor } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/embed/config.ts';
import type { AnalysisRunner } from '../../src/ui/figures.ts';
import { ImportPanel } from '../../src/ui/ImportPanel.tsx';
import { createImportFlow } from '../../src/ui/import-flow.ts';
import { createBeltState } from '../../src/ui/state.ts';
import { ent } from './fixtures.ts';

const runner: AnalysisRunner = {
  load: () => Promise.resolve({}) as never,
  figures: (() => new Promise(() => {})) as AnalysisRunner['figures'],
};

const CSV =
  '企业名称,经度,纬度,环节,备用名\n"<b>粗体</b>公司",117.9,28.4,中游,x\n,117.9,28.4,,\n无坐标,,,下游,y\n';

describe('ImportPanel', () => {
  it('maps, previews as text, imports in place of the sample and reports', async () => {
    const state = createBeltState(DEFAULT_CONFIG, {}, runner);
    state.loadData({ enterprises: [ent(1), ent(2)], zones: [], sample: true, kind: 'sample' });
    const { container } = render(() => (
      <ImportPanel state={state} flow={createImportFlow(state, DEFAULT_CONFIG)} />
    ));
    const dataset = container.querySelector('[data-dataset]')!;
    expect(dataset.getAttribute('data-kind')).toBe('sample');
    const input = container.querySelector<HTMLInputElement>('input[data-import]')!;
    fireEvent.change(input, { target: { files: [new File([CSV], '名录.csv', { type: 'text/csv' })] } });
    await waitFor(() => expect(container.querySelector('[data-import-confirm]')).not.toBeNull(), {
      timeout: 5000,
    });

    const field = (c: string) =>
      container.querySelector<HTMLSelectElement>(`select[data-import-field="${c}"]`)!;
    expect(field('企业名称').value).toBe('name');
    expect(field('备用名').value).toBe('');
    expect(container.querySelector('.import-preview b')).toBeNull(); // HTML in a cell is text
    expect(container.querySelector('.import-preview')!.textContent).toContain('<b>粗体</b>公司');
    // The user maps 备用名 to the English name.
    fireEvent.change(field('备用名'), { target: { value: 'name_en' } });
    expect(field('备用名').value).toBe('name_en');

    fireEvent.click(container.querySelector('[data-import-confirm]')!);
    await waitFor(() => expect(container.querySelector('[data-import-report]')).not.toBeNull(), {
      timeout: 5000,
    });
    const report = container.querySelector('[data-import-report]')!;
    expect([
      ...['kind', 'accepted', 'unlocated', 'rejected'].map((k) => report.getAttribute(`data-${k}`)),
    ]).toEqual(['enterprises', '2', '1', '1']);
    expect(
      [...report.querySelectorAll('[data-import-issue]')].map((li) => [
        li.getAttribute('data-import-issue'),
        li.getAttribute('data-row'),
      ]),
    ).toEqual([
      ['rejected', '3'],
      ['unlocated', '4'],
    ]);
    expect(state.enterprises().map((e) => [e.name, e.nameEn])).toEqual([
      ['<b>粗体</b>公司', 'x'],
      ['无坐标', 'y'],
    ]);
    expect(state.isSample()).toBe(false);
    expect(dataset.getAttribute('data-kind')).toBe('imported');
    expect(dataset.getAttribute('data-name')).toBe('名录.csv');
    expect(container.querySelector('[data-restore-sample]')).not.toBeNull();
  });

  it('a zone file over the sample keeps the sample firms and says so', async () => {
    const state = createBeltState(DEFAULT_CONFIG, {}, runner);
    state.loadData({ enterprises: [ent(1), ent(2)], zones: [], sample: true, kind: 'sample' });
    const { container } = render(() => (
      <ImportPanel state={state} flow={createImportFlow(state, DEFAULT_CONFIG)} />
    ));
    const zone = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '<i>新</i>园区' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [117.8, 28.3],
                [118.0, 28.3],
                [118.0, 28.5],
                [117.8, 28.3],
              ],
            ],
          },
        },
      ],
    };
    const input = container.querySelector<HTMLInputElement>('input[data-import]')!;
    fireEvent.change(input, {
      target: { files: [new File([JSON.stringify(zone)], '园区.geojson', { type: 'application/geo+json' })] },
    });
    await waitFor(() => expect(container.querySelector('[data-import-confirm]')).not.toBeNull(), {
      timeout: 5000,
    });
    fireEvent.click(container.querySelector('[data-import-confirm]')!);
    await waitFor(() => expect(container.querySelector('[data-import-report]')).not.toBeNull(), {
      timeout: 5000,
    });
    expect(container.querySelector('[data-import-report]')!.getAttribute('data-kind')).toBe('zones');
    expect(state.zones().map((z) => z.name)).toEqual(['<i>新</i>园区']);
    expect(state.isSample()).toBe(true);
    const dataset = container.querySelector('[data-dataset]')!;
    expect(dataset.getAttribute('data-kind')).toBe('imported');
    expect(dataset.getAttribute('data-name')).toBe('园区.geojson');
    expect(dataset.textContent).toContain('示例企业');
    expect(dataset.querySelector('i')).toBeNull();
  });
});
