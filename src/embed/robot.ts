import type { MapView } from '../map/controller.ts';
import type { BeltState } from '../ui/state.ts';

/**
 * window.belt: a small read-only handle for QA robots and our end-to-end tests (documented in the
 * README): rendered enterprise ids and screen positions, and the map state, without reaching into
 * MapLibre.
 */
export function exposeRobotApi(view: MapView, s: BeltState): void {
  (window as unknown as { belt: unknown }).belt = {
    renderedEnterpriseIds: () => view.renderedEnterpriseIds(),
    screenPointOf: (id: string) => {
      const e = s.getEnterprise(id);
      if (!e || e.lon === null || e.lat === null) return null;
      return view.screenPoint(e.lon, e.lat);
    },
    mapState: () => s.mapState(),
    /** Issue 8: screen position of any place (e.g. a cluster's centre). */
    screenPoint: (lon: number, lat: number) => view.screenPoint(lon, lat),
  };
}
