/** Point labels of dbscan(), as in Turf's `properties.dbscan`. */
export const NOISE = 0;
export const CORE = 1;
export const EDGE = 2;

export interface DbscanResult {
  /** Cluster id per point (0-based, in Turf's order of discovery), −1 for noise. */
  clusterIds: Int32Array;
  /** Label per point: NOISE (0), CORE (1) or EDGE (2), with Turf's meaning (see dbscan.ts). */
  labels: Uint8Array;
  /** Number of clusters. */
  clusterCount: number;
}
