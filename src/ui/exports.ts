import { ATTRIBUTION } from '../data/attribution.ts';
import { enterprisesToCSV, enterprisesToGeoJSON } from '../data/serialize.ts';
import { lang, t } from '../i18n/index.ts';
import type { MapView } from '../map/controller.ts';
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
  ctx: { title: string; map: MapView | null },
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
    const footer = [
      ...(s.isSample() ? [t('sample.notice')] : []),
      ATTRIBUTION[lang()],
      `${ctx.title} · ${new Date().toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB')}`,
    ];
    download(
      await ctx.map.exportPng(footer, getComputedStyle(document.body).fontFamily),
      `shangrao-belt-${stamp}.png`,
    );
  }
}
