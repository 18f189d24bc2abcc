import type { BeltState } from './state.ts';

/** A failed export: logged, and shown in the warnings banner with the reason. */
export function exportFailed(s: Pick<BeltState, 'setUi'>, e: unknown): void {
  console.error('[belt] export failed', e);
  s.setUi('warnings', (ws) => [
    ...ws,
    { key: 'export.failed', params: { msg: e instanceof Error ? e.message : String(e) } },
  ]);
}
