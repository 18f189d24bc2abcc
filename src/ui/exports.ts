import { ATTRIBUTION } from '../data/attribution.ts';
import { enterprisesToCSV, enterprisesToGeoJSON } from '../data/serialize.ts';
import { fmt, lang, t } from '../i18n/index.ts';
import type { MapView } from '../map/controller.ts';
import { STAGE_COLOURS, STAGE_COLOURS_HC } from '../map/palette.ts';
import { filterSummary, zoneDisplayName } from './facet-labels.ts';
import type { BeltState } from './state.ts';

export type ExportKind = 'geojson' | 'csv' | 'png';

/** Hands a file to the browser's download. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Downloads the visible enterprises (contract.md, Export format) or the map as a picture; the picture
 * carries the sample notice, the attribution, the title and the time, so it never passes synthetic
 * data off as real nor loses its sources.
 */
export async function exportView(
  kind: ExportKind,
  s: BeltState,
  ctx: { title: string; map: MapView | null; scale?: 1 | 2 },
): Promise<void> {
  const resolved = s.analysis()?.resolvedZones;
  const stamp = new Date().toISOString().slice(0, 10);
  if (kind === 'geojson') {
    const fc = enterprisesToGeoJSON(s.visibleEnterprises(), resolved);
    download(
      new Blob([JSON.stringify(fc)], { type: 'application/geo+json' }),
      `shangrao-belt-${stamp}.geojson`,
    );
  } else if (kind === 'csv') {
    download(
      new Blob([enterprisesToCSV(s.visibleEnterprises(), resolved)], { type: 'text/csv;charset=utf-8' }),
      `shangrao-belt-${stamp}.csv`,
    );
  } else if (ctx.map && !s.ui.noWebGL) {
    const pal = s.ui.largeText ? STAGE_COLOURS_HC : STAGE_COLOURS;
    const counts = s.counts();
    const lines = [
      new Date().toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB'),
      ...(s.isSample() ? [`${t('sample.notice')} ${t('sample.more')}`] : []),
      ATTRIBUTION[lang()],
    ];
    // A filtered view says so (the legend's counts are those of the filtered firms).
    const filtered = filterSummary(s.filters(), (id) => {
      const z = s.zoneById().get(id);
      return z ? zoneDisplayName(z) : id;
    });
    if (filtered) lines.splice(1, 0, filtered);
    const spec = {
      title: ctx.title,
      legend: s.ui.stages.map((st) => ({ label: `${t(`stage.${st}`)} ${fmt(counts[st])}`, colour: pal[st] })),
      lines,
      font: getComputedStyle(document.body).fontFamily,
    };
    download(await ctx.map.exportPng(spec, ctx.scale ?? 1), `shangrao-belt-${stamp}.png`);
  }
}
