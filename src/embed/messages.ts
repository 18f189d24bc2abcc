/**
 * window.postMessage bridge (contract.md "Messages"). Accepts messages only from the same origin or
 * from embed.allowedOrigins; sends only to those. With an empty allowlist a cross-origin parent can
 * neither drive the map nor read anything from it.
 */

import type { Level } from '../analysis/types.ts';
import type { Filters } from '../data/filters.ts';
import { isStage, STAGES, type Stage } from '../data/types.ts';
import { parseSetFilters } from './filter-message.ts';
import { validView } from './url.ts';

export type InMessage =
  | { type: 'belt:set-stages'; stages: Stage[] }
  | { type: 'belt:set-view'; lon: number; lat: number; zoom: number }
  | { type: 'belt:select'; id: string }
  | { type: 'belt:get-state' }
  | ({ type: 'belt:set-filters' } & Partial<Filters>);

export type OutMessage =
  | { type: 'belt:ready' }
  | {
      type: 'belt:state';
      stages: Stage[];
      /** Issue 8: the filters beside the stage filter (null = all). */
      filters: Filters;
      counts: Record<string, number>;
      levels: Record<string, Level>;
    }
  | { type: 'belt:selected'; id: string; name: string; stage: Stage };

/** Validate an incoming message's shape; null when it is not one of ours or malformed. */
export function parseInMessage(data: unknown): InMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  switch (d.type) {
    case 'belt:set-stages':
      if (!Array.isArray(d.stages) || !d.stages.every((s) => typeof s === 'string' && isStage(s)))
        return null;
      return { type: d.type, stages: STAGES.filter((s) => (d.stages as string[]).includes(s)) };
    case 'belt:set-view': {
      // Refused like a malformed ?view= (out of range, 1e308, NaN): the same check (issue 9).
      const v = validView(d.lon, d.lat, d.zoom);
      return v && { type: d.type, ...v };
    }
    case 'belt:select':
      return typeof d.id === 'string' && d.id ? { type: d.type, id: d.id } : null;
    case 'belt:get-state':
      return { type: d.type };
    case 'belt:set-filters': {
      const f = parseSetFilters(d);
      return f && { type: d.type, ...f };
    }
    default:
      return null;
  }
}

const IN_TYPES = new Set([
  'belt:set-stages',
  'belt:set-filters',
  'belt:set-view',
  'belt:select',
  'belt:get-state',
]);

export function isAllowedOrigin(origin: string, allowed: readonly string[], self: string): boolean {
  return origin === self || allowed.includes(origin);
}

export interface Bridge {
  send(msg: OutMessage): void;
  dispose(): void;
}

/** Listen for messages from allowed origins; `send` posts to the parent frame's allowed origins only. */
export function createBridge(
  allowedOrigins: readonly string[],
  onMessage: (msg: InMessage, reply: (m: OutMessage) => void) => void,
  /** While true, only the same origin is heard and told anything (the map shows a user's own import). */
  ownOriginOnly: () => boolean = () => false,
): Bridge {
  const self = window.location.origin;
  const targets = [...new Set([self, ...allowedOrigins])];
  const parent = window.parent !== window ? window.parent : null;
  const listener = (ev: MessageEvent) => {
    if (!isAllowedOrigin(ev.origin, ownOriginOnly() ? [] : allowedOrigins, self)) return; // ignored, never answered
    const msg = parseInMessage(ev.data);
    if (!msg) {
      // Refused like a malformed URL value: with a console warning (issue 9).
      const type = (ev.data as { type?: unknown } | null)?.type;
      if (typeof type === 'string' && IN_TYPES.has(type))
        console.warn(`[belt] ignoring malformed ${type} message`);
      return;
    }
    const src = ev.source as Window | null;
    onMessage(msg, (m) => src?.postMessage(m, { targetOrigin: ev.origin }));
  };
  window.addEventListener('message', listener);
  return {
    send(msg) {
      if (!parent) return;
      // postMessage delivers only when the parent's origin equals targetOrigin, so each allowed
      // origin is tried; a parent of any other origin receives nothing.
      for (const o of ownOriginOnly() ? [self] : targets) parent.postMessage(msg, { targetOrigin: o });
    },
    dispose() {
      window.removeEventListener('message', listener);
    },
  };
}
