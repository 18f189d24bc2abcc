/**
 * Stage colours: Okabe–Ito, distinguishable under the common colour-vision deficiencies
 * (protanopia, deuteranopia, tritanopia) and in greyscale by lightness.
 */
import type { Stage } from '../data/types.ts';

export const STAGE_COLOURS: Record<Stage, string> = {
  upstream: '#E69F00', // orange
  midstream: '#0072B2', // blue
  downstream: '#009E73', // bluish green
  support: '#CC79A7', // reddish purple
  unclassified: '#7F7F7F', // grey
};

/** High-contrast variants (large-text mode): darker, for white backgrounds. */
export const STAGE_COLOURS_HC: Record<Stage, string> = {
  upstream: '#B86E00',
  midstream: '#004F80',
  downstream: '#006B4F',
  support: '#A3457F',
  unclassified: '#4D4D4D',
};
