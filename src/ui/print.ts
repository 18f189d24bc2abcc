import type { MapView } from '../map/controller.ts';

/**
 * Prints the page (the print stylesheet in styles.css lays out one A4 landscape page). A WebGL canvas
 * prints blank, so the map is first drawn into `img`, which the print view shows over the canvas.
 */
export async function printView(map: MapView | null, img: HTMLImageElement): Promise<void> {
  if (map) {
    img.src = await map.snapshot();
    await img.decode().catch(() => {});
    img.classList.add('ready');
  }
  window.print();
}
