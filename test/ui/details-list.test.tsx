import { fireEvent, render } from '@solidjs/testing-library';
import { describe, expect, it, vi } from 'vitest';
import type { Zone } from '../../src/data/types.ts';
import { setLang } from '../../src/i18n/index.ts';
import { Details } from '../../src/ui/Details.tsx';
import { EnterpriseList } from '../../src/ui/EnterpriseList.tsx';
import { ent } from './fixtures.ts';

const NO_CLUSTER = {
  cluster: null,
  params: { maxDistanceKm: 1.5, minPoints: 3, hexSideKm: 3 },
  enterpriseName: (id: string) => `name of ${id}`,
  onSelectEnterprise: () => {},
  focusToken: 0,
  clusterApprox: false,
};

describe('Details', () => {
  it('shows a cluster: members (clickable), area, density, segment, county and zone', () => {
    setLang('zh');
    const onSelectEnterprise = vi.fn();
    const cluster = {
      id: 4,
      stage: 'midstream' as const,
      memberIds: Array.from({ length: 35 }, (_, i) => `E${i}`),
      core: 33,
      edge: 2,
      approximate: 0,
      hull: null,
      areaKm2: 3.62,
      density: 9.67,
      dominantSegment: 'processing' as const,
      county: '361126',
      zone: 'z1',
      center: [117.43, 28.4] as [number, number],
    };
    const { container } = render(() => (
      <Details
        {...NO_CLUSTER}
        cluster={cluster}
        onSelectEnterprise={onSelectEnterprise}
        enterprise={null}
        zone={null}
        zoneName={(id) => `zone ${id}`}
        resolvedZone={null}
        zoneChain={null}
        largeText={false}
        onClose={() => {}}
        onLocate={() => {}}
      />
    ));
    const d = container.querySelector('[data-details]')!;
    expect(d.getAttribute('data-cluster-id')).toBe('midstream/4');
    expect(d.querySelector('[data-field="members"]')!.textContent).toBe('35');
    expect(d.textContent).toContain('弋阳县');
    expect(d.textContent).toContain('zone z1');
    expect(d.textContent).toContain('铜材加工');
    const buttons = d.querySelectorAll('.cluster-members button');
    expect(buttons).toHaveLength(30);
    expect(d.textContent).toContain('另有 5 家');
    fireEvent.click(buttons[3]!);
    expect(onSelectEnterprise).toHaveBeenCalledWith('E3');
  });

  it('shows every field with its source and precision, and the extra columns', () => {
    setLang('zh');
    const e = ent(7);
    const { container } = render(() => (
      <Details
        enterprise={e}
        {...NO_CLUSTER}
        zone={null}
        zoneName={(id) => id ?? '—'}
        resolvedZone="srjk"
        zoneChain={null}
        largeText={false}
        onClose={() => {}}
        onLocate={() => {}}
      />
    ));
    const d = container.querySelector('[data-details]')!;
    expect(d.getAttribute('data-enterprise-id')).toBe('E00007');
    expect(d.querySelector('[data-field="source"]')!.textContent).toBe(e.source);
    expect(d.querySelector('[data-field="precision"]')!.getAttribute('data-value')).toBe('township');
    expect(d.querySelector('[data-field="county"]')!.textContent).toContain('广信区');
    expect(d.querySelector('[data-field="zone"]')!.textContent).toContain('srjk'); // resolved by containment
    expect(d.querySelector('[data-extra="employees"]')!.textContent).toBe('120');
    expect(d.querySelector('[data-extra="note"]')!.textContent).toBe('—');
  });

  const zoneDetails = (zone: Zone) =>
    render(() => (
      <Details
        {...NO_CLUSTER}
        enterprise={null}
        zone={zone}
        zoneName={() => '—'}
        resolvedZone={null}
        zoneChain={null}
        largeText={false}
        onClose={() => {}}
        onLocate={() => {}}
      />
    ));
  const zone = (extra?: Zone['extra']): Zone => ({
    id: 'z1',
    name: '上饶经济技术开发区',
    nameEn: null,
    level: 'national',
    county: '361104',
    geometry: null,
    precision: 'none',
    source: 'import: zones.kml',
    realBoundary: false,
    ...(extra ? { extra } : {}),
  });

  it("shows a zone's other attributes from its file as text, in zh and en (issue 7)", () => {
    const extra = JSON.parse(
      '{"面积":12.5,"管理机构":"<img src=x onerror=alert(1)>","__proto__":"p","constructor":"c","备注":null}',
    );
    for (const [lang, heading] of [
      ['zh', '其他字段'],
      ['en', 'Other fields'],
    ] as const) {
      setLang(lang);
      const { container, unmount } = zoneDetails(zone(extra));
      const d = container.querySelector('[data-details]')!;
      expect(d.querySelector('h3')!.textContent).toBe(heading);
      expect(
        [...d.querySelectorAll('[data-extra]')].map((x) => [x.getAttribute('data-extra'), x.textContent]),
      ).toEqual([
        ['面积', '12.5'],
        ['管理机构', '<img src=x onerror=alert(1)>'],
        ['__proto__', 'p'],
        ['constructor', 'c'],
        ['备注', '—'],
      ]);
      expect(d.querySelector('img')).toBeNull();
      unmount();
    }
    setLang('zh');
  });

  it('a zone without other attributes shows no such section', () => {
    const { container } = zoneDetails({ ...zone(), county: '' });
    expect(container.querySelector('[data-details]')).not.toBeNull();
    // A zone file that does not say its county: a dash, not an empty value.
    const county = [...container.querySelectorAll('dt')].find((dt) => dt.textContent === '所在县（市、区）');
    expect(county?.nextElementSibling?.textContent).toBe('—');
    expect(container.querySelector('[data-extra]')).toBeNull();
    expect(container.textContent).not.toContain('其他字段');
  });

  it('says plainly when an enterprise has no coordinates; Escape closes', () => {
    const onClose = vi.fn();
    const { container } = render(() => (
      <Details
        enterprise={ent(1, { lon: null, lat: null, precision: 'none' })}
        {...NO_CLUSTER}
        zone={null}
        zoneName={() => '—'}
        resolvedZone={null}
        zoneChain={null}
        largeText={false}
        onClose={onClose}
        onLocate={() => {}}
      />
    ));
    expect(container.querySelector('[data-field="coordinates"]')!.textContent).toContain('无坐标');
    fireEvent.keyDown(container.querySelector('[data-details]')!, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });
});

describe('EnterpriseList', () => {
  it('holds every visible enterprise but renders only a window of rows', () => {
    const items = Array.from({ length: 5000 }, (_, i) => ent(i));
    const onSelect = vi.fn();
    const { container } = render(() => (
      <EnterpriseList items={items} selectedId={null} largeText={false} onSelect={onSelect} />
    ));
    const list = container.querySelector('[data-enterprise-list]')!;
    expect(list.getAttribute('data-total')).toBe('5000');
    const rows = list.querySelectorAll('[data-enterprise-id]');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    fireEvent.click(rows[2]!.querySelector('button')!);
    expect(onSelect).toHaveBeenCalledWith('E00002');
  });

  it('marks unlocated rows and names the county', () => {
    setLang('en');
    const { container } = render(() => (
      <EnterpriseList
        items={[ent(1, { lon: null, lat: null })]}
        selectedId="E00001"
        largeText={false}
        onSelect={() => {}}
      />
    ));
    const row = container.querySelector('[data-enterprise-id="E00001"]')!;
    expect(row.textContent).toContain('no coordinates');
    expect(row.textContent).toContain('Guangxin District');
    expect(row.querySelector('button')!.getAttribute('aria-current')).toBe('true');
    setLang('zh');
  });
});
