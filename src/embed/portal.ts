import { createEffect, on, onCleanup } from 'solid-js';
import { CHAIN_STAGES } from '../data/types.ts';
import type { MapView } from '../map/controller.ts';
import type { BeltState } from '../ui/state.ts';
import type { BeltConfig } from './config.ts';
import { createBridge, type OutMessage } from './messages.ts';

/**
 * The embedding portal's side of the state (contract.md, Messages): messages in change the state,
 * `belt:ready` once, `belt:state` after every settled change and on request, `belt:selected`.
 */
export function bindPortal(s: BeltState, config: BeltConfig, view: () => MapView | null): void {
  const stateMessage = (): OutMessage => {
    const a = s.analysis();
    return {
      type: 'belt:state',
      stages: [...s.ui.stages],
      filters: s.filters(),
      counts: { ...s.counts() },
      levels: Object.fromEntries(CHAIN_STAGES.map((st) => [st, a?.stages[st].level ?? 'none'])),
    };
  };
  // Data a user imported into this browser never reach another origin (contract.md, Messages).
  const imported = () => s.dataset()?.kind === 'imported';
  const bridge = createBridge(
    config.embed.allowedOrigins,
    (msg, reply) => {
      switch (msg.type) {
        case 'belt:set-stages':
          s.setStages(msg.stages);
          break;
        case 'belt:set-view': {
          const v = { lon: msg.lon, lat: msg.lat, zoom: msg.zoom };
          const map = view();
          if (map) map.jumpTo(v);
          else s.setUi('view', v);
          break;
        }
        case 'belt:select':
          s.select({ kind: 'enterprise', id: msg.id });
          break;
        case 'belt:get-state':
          reply(stateMessage());
          break;
        case 'belt:set-filters': {
          const { type: _, ...patch } = msg;
          s.setFilters(patch);
          break;
        }
      }
    },
    imported,
  );
  onCleanup(() => bridge.dispose());
  let announcedReady = false;
  createEffect(
    on(
      () => s.mapState() === 'ready',
      (ready) => {
        if (!ready) return;
        if (!announcedReady) {
          announcedReady = true;
          bridge.send({ type: 'belt:ready' });
        }
        bridge.send(stateMessage());
      },
    ),
  );
  createEffect(
    on(
      () => s.ui.selected,
      (sel) => {
        if (sel?.kind !== 'enterprise') return;
        const e = s.getEnterprise(sel.id);
        if (e) bridge.send({ type: 'belt:selected', id: e.id, name: e.name, stage: e.stage });
      },
    ),
  );
}
