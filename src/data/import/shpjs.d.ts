declare module 'shpjs' {
  export function parseZip(
    buffer: ArrayBuffer,
    whiteList?: string[],
  ): Promise<GeoJSON.FeatureCollection | GeoJSON.FeatureCollection[]>;
}
