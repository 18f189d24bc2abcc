import { createEffect } from 'solid-js';
import { CHAIN_STAGES } from '../data/types.ts';
import { STAGE_COLOURS, STAGE_COLOURS_HC } from '../map/palette.ts';

/**
 * Sets `--c-upstream`, `--c-midstream`, `--c-downstream` on an element (the palette's colour-blind-safe
 * colours, the high-contrast ones in large-text mode) through the DOM API: the strict CSP forbids style
 * attributes, and the charts' classes read these variables.
 */
export function bindStageColourVars(
  el: () => Element & ElementCSSInlineStyle,
  largeText: () => boolean,
): void {
  createEffect(() => {
    const colours = largeText() ? STAGE_COLOURS_HC : STAGE_COLOURS;
    for (const st of CHAIN_STAGES) el().style.setProperty(`--c-${st}`, colours[st]);
  });
}
