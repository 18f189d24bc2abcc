import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';

/** One change to a drawn style, in MapLibre's own terms (setPaintProperty, setLayoutProperty, setFilter). */
export type StyleOp =
  | { kind: 'paint' | 'layout'; layer: string; prop: string; value: unknown }
  | { kind: 'filter'; layer: string; value: unknown };

type Props = Record<string, unknown>;
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function propOps(
  kind: 'paint' | 'layout',
  layer: string,
  a: Props | undefined,
  b: Props | undefined,
): StyleOp[] {
  const out: StyleOp[] = [];
  for (const prop of new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])) {
    const va = a?.[prop];
    const vb = b?.[prop];
    // A property no longer given goes back to MapLibre's default (undefined), as in a fresh style.
    if (!same(va, vb)) out.push({ kind, layer, prop, value: vb });
  }
  return out;
}

/**
 * What turns the layers of style `from` into those of `to` (both built by buildStyle: same layers,
 * same sources; a layer in only one of them is left alone). Sources' data are not compared: the
 * controller sets data itself.
 */
export function styleDiff(from: StyleSpecification, to: StyleSpecification): StyleOp[] {
  const before = new Map(from.layers.map((l) => [l.id, l]));
  const out: StyleOp[] = [];
  for (const l of to.layers) {
    const p = before.get(l.id);
    if (!p) continue;
    const a = p as LayerSpecification & { paint?: Props; layout?: Props; filter?: unknown };
    const b = l as LayerSpecification & { paint?: Props; layout?: Props; filter?: unknown };
    out.push(...propOps('paint', l.id, a.paint, b.paint), ...propOps('layout', l.id, a.layout, b.layout));
    if (!same(a.filter, b.filter)) out.push({ kind: 'filter', layer: l.id, value: b.filter });
  }
  return out;
}

/** The ops applied to a plain style object (what MapLibre does with them; for tests). */
export function applyStyleOps(style: StyleSpecification, ops: readonly StyleOp[]): StyleSpecification {
  const copy = structuredClone(style);
  const byId = new Map(
    copy.layers.map((l) => [
      l.id,
      l as LayerSpecification & { paint?: Props; layout?: Props; filter?: unknown },
    ]),
  );
  for (const op of ops) {
    const l = byId.get(op.layer);
    if (!l) continue;
    if (op.kind === 'filter') {
      if (op.value === undefined) delete l.filter;
      else l.filter = op.value;
      continue;
    }
    l[op.kind] ??= {};
    const props = l[op.kind]!;
    if (op.value === undefined) delete props[op.prop];
    else props[op.prop] = op.value;
    if (Object.keys(props).length === 0) delete l[op.kind];
  }
  return copy;
}
