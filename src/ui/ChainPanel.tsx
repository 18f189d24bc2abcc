import { createMemo } from 'solid-js';
import type { GapRow } from '../analysis/gap-list.ts';
import { countyName } from '../data/counties.ts';
import { lang, t, tIn } from '../i18n/index.ts';
import { ChainDiagram } from './ChainDiagram.tsx';
import { segmentCounts, toggledSegment } from './chain-diagram-model.ts';
import { placeNames, selectedPlace } from './chain-place.ts';
import { exportFailed } from './export-failed.ts';
import { download } from './exports.ts';
import { GapList } from './GapList.tsx';
import { gapCsv, gapXlsx } from './gap-export.ts';
import { gapTable } from './gap-table.ts';
import type { BeltState } from './state.ts';

/** The chain diagram and the investment-promotion list, side by side with the map (issue 8). */
export function ChainPanel(props: {
  state: BeltState;
  onSelectPlace(row: GapRow): void;
  onSelectEnterprise(id: string): void;
}) {
  const s = props.state;
  const names = createMemo(() => placeNames(s, lang()));
  const place = createMemo(() => selectedPlace(s.ui.selected));
  const counts = createMemo(() =>
    segmentCounts(s.enterprises(), s.visibleIdx(), place(), s.analysis()?.resolvedZones),
  );
  const lacking = createMemo(() => {
    const p = place();
    if (!p) return new Set<never>();
    const id = 'zone' in p ? p.zone : `county:${p.county}`;
    return new Set((s.gapList() ?? []).filter((r) => r.zone === id).map((r) => r.segment));
  });
  const onExport = (kind: 'gaps' | 'gaps-xlsx') => {
    const l = lang();
    const table = gapTable(s.gapList() ?? [], { ...names(), t: (k) => tIn(l, k) });
    const stamp = new Date().toISOString().slice(0, 10);
    if (kind === 'gaps') {
      download(new Blob([gapCsv(table)], { type: 'text/csv;charset=utf-8' }), `shangrao-gaps-${stamp}.csv`);
      return;
    }
    gapXlsx(table, tIn(l, 'gaps.sheet'))
      .then((bytes) =>
        download(
          new Blob([bytes as Uint8Array<ArrayBuffer>], {
            type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          }),
          `shangrao-gaps-${stamp}.xlsx`,
        ),
      )
      .catch((e: unknown) => exportFailed(s, e));
  };
  return (
    <aside class="chain-panel" aria-labelledby="chain-panel-title" data-chain-panel>
      <h2 id="chain-panel-title">{t('chainPanel.title')}</h2>
      <ChainDiagram
        counts={counts()}
        lacking={lacking()}
        clq={s.segmentColocation()?.clq ?? null}
        segments={s.ui.filters.segments}
        placeName={(() => {
          const p = place();
          return p ? ('zone' in p ? names().place(p.zone) : countyName(p.county, lang())) : null;
        })()}
        largeText={s.ui.largeText}
        onNode={(g) => s.setFilters({ segments: toggledSegment(s.ui.filters.segments, g) })}
      />
      <GapList
        rows={s.gapList()}
        place={names().place}
        county={names().county}
        enterprise={names().enterprise}
        onPlace={props.onSelectPlace}
        onEnterprise={props.onSelectEnterprise}
        onExport={onExport}
      />
    </aside>
  );
}
