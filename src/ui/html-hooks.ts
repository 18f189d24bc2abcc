import { createEffect } from 'solid-js';
import type { BeltState } from './state.ts';

/**
 * The <html> hooks of contract.md, kept in step with the state: `data-map-state`, `data-large-text`
 * (present only while the mode is on), the `embed` class, and the document title.
 */
export function bindHtmlHooks(s: BeltState, title: () => string): void {
  const html = document.documentElement;
  createEffect(() => html.setAttribute('data-map-state', s.mapState()));
  createEffect(() =>
    s.ui.largeText ? html.setAttribute('data-large-text', 'on') : html.removeAttribute('data-large-text'),
  );
  createEffect(() => html.classList.toggle('embed', s.ui.embed));
  createEffect(() => {
    document.title = title();
  });
}
