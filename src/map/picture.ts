/**
 * The exported picture ([data-export="png"], issue 9): a title band, the map, then the legend, a scale
 * bar and the footer lines (date, sample notice, attribution), drawn on a 2D canvas at the map canvas's
 * resolution (1× or 2× of CSS pixels). No MapLibre here: the controller hands over its canvas.
 */
import { wrapText } from './wrap-text.ts';

export interface PictureSpec {
  title: string;
  legend: readonly { label: string; colour: string }[];
  /** Footer lines, in order (wrapped to the width). */
  lines: readonly string[];
  font: string;
}

/** Earth's equatorial circumference in metres (web Mercator, MapLibre's 512 px tiles). */
const CIRCUMFERENCE = 40_075_016.686;

/** Metres per CSS pixel at a latitude and (MapLibre) zoom. */
export function metresPerPixel(lat: number, zoom: number): number {
  return (CIRCUMFERENCE * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** The longest round distance (1, 2 or 5 × 10ⁿ m) that fits `maxPx`: its length in px and its label. */
export function scaleBar(mPerPx: number, maxPx: number): { px: number; metres: number; label: string } {
  const max = mPerPx * maxPx;
  const pow = 10 ** Math.floor(Math.log10(max));
  const metres = [5, 2, 1].map((k) => k * pow).find((m) => m <= max) ?? pow;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { px: metres / mPerPx, metres, label };
}

/**
 * Draws the picture. `map` is the map canvas (device pixels), `ratio` device pixels per CSS pixel,
 * `mPerPx` metres per CSS pixel at the map's centre.
 */
export function composePicture(
  map: HTMLCanvasElement,
  ratio: number,
  mPerPx: number,
  spec: PictureSpec,
): HTMLCanvasElement {
  const W = map.width;
  const u = (n: number) => Math.round(n * ratio);
  const pad = u(10);
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  const font = (px: number, bold = false) => `${bold ? 'bold ' : ''}${u(px)}px ${spec.font}`;
  ctx.font = font(12);
  const lines = spec.lines.flatMap((l) => wrapText(l, W - 2 * pad, (x) => ctx.measureText(x).width));
  ctx.font = font(18, true);
  const titleLines = wrapText(spec.title, W - 2 * pad, (x) => ctx.measureText(x).width);
  const titleH = titleLines.length * u(24) + 2 * pad;
  const legendH = u(24);
  const lineH = u(16);
  out.width = W;
  out.height = titleH + map.height + pad + legendH + pad + lines.length * lineH + pad;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#1f2933';
  ctx.textBaseline = 'top';
  ctx.font = font(18, true);
  for (const [k, l] of titleLines.entries()) ctx.fillText(l, pad, pad + k * u(24));
  ctx.drawImage(map, 0, titleH);
  ctx.strokeStyle = '#9aa3ae';
  ctx.lineWidth = u(1);
  ctx.strokeRect(0, titleH, W, map.height);

  // Legend: a swatch and a label per visible stage, on one row.
  let y = titleH + map.height + pad;
  let x = pad;
  ctx.font = font(13);
  ctx.textBaseline = 'middle';
  for (const item of spec.legend) {
    ctx.fillStyle = item.colour;
    ctx.beginPath();
    ctx.arc(x + u(6), y + legendH / 2, u(6), 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = '#1f2933';
    ctx.fillText(item.label, x + u(16), y + legendH / 2);
    x += u(16) + ctx.measureText(item.label).width + u(16);
  }
  // Scale bar at the right of the legend row (it measures the map's centre line).
  const bar = scaleBar(mPerPx, Math.min(150, W / ratio / 4));
  const bx = W - pad - u(bar.px);
  const by = y + legendH / 2 + u(4);
  ctx.fillRect(bx, by, u(bar.px), u(3));
  ctx.fillRect(bx, by - u(6), u(2), u(9));
  ctx.fillRect(bx + u(bar.px) - u(2), by - u(6), u(2), u(9));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.font = font(12);
  ctx.fillText(bar.label, bx + u(bar.px) / 2, by - u(2));
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';

  y += legendH + pad;
  for (const [k, l] of lines.entries()) ctx.fillText(l, pad, y + k * lineH);
  return out;
}
