import { createEffect } from 'solid-js';
import type { Stage } from '../data/types.ts';
import { STAGE_COLOURS, STAGE_COLOURS_HC } from '../map/palette.ts';

/** A stage colour chip. Colour set through the DOM API (strict CSP forbids style attributes). */
export function Swatch(props: { stage: Stage; largeText?: boolean; approx?: boolean }) {
  let el!: HTMLSpanElement;
  createEffect(() => {
    const c = (props.largeText ? STAGE_COLOURS_HC : STAGE_COLOURS)[props.stage];
    el.style.setProperty('--swatch', c);
  });
  return <span ref={el} class="swatch" classList={{ 'swatch-approx': !!props.approx }} aria-hidden="true" />;
}
