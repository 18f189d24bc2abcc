/** Which cluster sizes the overview shows, for every zoom step and set of visible stages (cluster-labels.ts). */
import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
  LABEL_STEP,
  LABEL_ZOOMS,
  type LabelSite,
  labelMasks,
  maskProperty,
  STAGE_SETS,
  stageSetIndex,
} from '../../src/map/cluster-labels.ts';
import { clusterLabelOpacity } from '../../src/map/style.ts';

const site = (lon: number, members: number, stage: LabelSite['stage'], lat = 28.4, r = 10): LabelSite => ({
  lon,
  lat,
  members,
  stage,
  r,
});
const zi = (z: number) => LABEL_ZOOMS.indexOf(z);
const shown = (mask: number, stages: string[]) => (mask & (1 << stageSetIndex(stages))) !== 0;

describe('labelMasks', () => {
  it('sets of stages are the subsets of the three chain stages', () => {
    expect(STAGE_SETS).toBe(8);
    expect(stageSetIndex([])).toBe(0);
    expect(stageSetIndex(['upstream', 'support', 'unclassified'])).toBe(1);
    expect(stageSetIndex(['midstream', 'downstream'])).toBe(6);
    expect(LABEL_ZOOMS[0]).toBe(5);
    expect(LABEL_ZOOMS.at(-1)).toBe(11 - LABEL_STEP);
  });

  it('of two labels on one spot the larger shows; the smaller shows once its stage is alone', () => {
    const [big, small] = labelMasks([site(117.9, 300, 'midstream'), site(117.9001, 40, 'upstream')], 12);
    for (const z of LABEL_ZOOMS) {
      expect(shown(big![zi(z)]!, ['upstream', 'midstream']), `z${z}`).toBe(true);
      expect(shown(small![zi(z)]!, ['upstream', 'midstream']), `z${z}`).toBe(false);
      expect(shown(small![zi(z)]!, ['upstream']), `z${z}`).toBe(true);
      expect(shown(small![zi(z)]!, ['upstream', 'downstream']), `z${z}`).toBe(true);
      expect(shown(big![zi(z)]!, ['upstream']), `z${z}`).toBe(false);
    }
    // A set without any stage shows nothing.
    expect(big!.every((m) => (m & 1) === 0)).toBe(true);
  });

  it('labels that overlap when zoomed out both show when zoomed in', () => {
    // 0.02° apart: about 14 px at zoom 7.5, 29 px at 8.5 for 3-digit labels about 24 px wide.
    const [a, b] = labelMasks([site(117.9, 300, 'midstream'), site(117.92, 200, 'midstream')], 12);
    const all = ['upstream', 'midstream', 'downstream'];
    expect(shown(a![zi(5)]!, all) && shown(b![zi(5)]!, all)).toBe(false);
    expect(shown(a![zi(5)]!, all)).toBe(true);
    expect(shown(a![zi(10)]!, all) && shown(b![zi(10)]!, all)).toBe(true);
    // Monotone: once both show, they show at every larger zoom.
    const first = LABEL_ZOOMS.findIndex((_, i) => shown(b![i]!, all));
    expect(first).toBeGreaterThan(0);
    expect(b!.slice(first).every((m) => shown(m, all))).toBe(true);
  });

  it('larger text needs more room', () => {
    const sites = [site(117.9, 300, 'midstream'), site(117.94, 200, 'midstream')];
    const all = ['midstream'];
    const firstBoth = (px: number) => {
      const [a, b] = labelMasks(sites, px);
      return LABEL_ZOOMS.findIndex((_, i) => shown(a![i]!, all) && shown(b![i]!, all));
    };
    expect(firstBoth(12 * 1.4)).toBeGreaterThan(firstBoth(12));
  });

  it('a size under a place name moves below its disc, and gives way to any label there', () => {
    const name = { lon: 117.9, lat: 28.4, ems: 3 };
    const [alone] = labelMasks([site(117.9, 300, 'midstream', 28.4, 30)], 12, [name]);
    expect(alone!.every((m) => shown(m, ['midstream']))).toBe(true);
    // A second name right below the disc leaves it nowhere to go.
    const below = { lon: 117.9, lat: 28.4 - 0.2, ems: 3 };
    const [boxed] = labelMasks([site(117.9, 300, 'midstream', 28.4, 30)], 12, [name, below]);
    expect(shown(boxed![zi(7.5)]!, ['midstream'])).toBe(false);
  });

  it('ties keep the order given; nothing is lost with no sites', () => {
    expect(labelMasks([], 12)).toEqual([]);
    const [a, b] = labelMasks([site(117.9, 50, 'downstream'), site(117.9, 50, 'downstream')], 12);
    expect(shown(a![0]!, ['downstream'])).toBe(true);
    expect(shown(b![0]!, ['downstream'])).toBe(false);
  });
});

describe('clusterLabelOpacity (evaluated by MapLibre style-spec)', () => {
  const opacity = (z: number, mask: number, state: Record<string, unknown>) => {
    const e = createExpression(clusterLabelOpacity(z), {
      type: 'number',
      'property-type': 'data-driven',
      expression: { interpolated: true, parameters: ['zoom', 'feature', 'feature-state'] },
    } as never);
    if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
    return e.value.evaluate(
      { zoom: z } as never,
      { properties: { [maskProperty(z)]: mask } } as never,
      state,
    );
  };

  it('reads the bit of the visible set from the feature state', () => {
    const mask = (1 << 7) | (1 << 2);
    expect(opacity(7.75, mask, { set: 2 ** 7 })).toBe(1);
    expect(opacity(7.75, mask, { set: 2 ** 2 })).toBe(1);
    expect(opacity(7.75, mask, { set: 2 ** 3 })).toBe(0);
    expect(opacity(7.75, 0, { set: 2 ** 7 })).toBe(0);
    // Before the controller sets a state: every stage visible.
    expect(opacity(7.75, mask, {})).toBe(1);
    expect(opacity(7.75, 1 << 2, {})).toBe(0);
  });
});
