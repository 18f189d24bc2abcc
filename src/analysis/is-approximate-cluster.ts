import type { ClusterInfo } from './types.ts';

/**
 * A cluster most of whose members have approximate locations (township, zone or county precision):
 * its outline is drawn dashed and its area reads as indicative.
 */
export function isApproximateCluster(c: Pick<ClusterInfo, 'approximate' | 'memberIds'>): boolean {
  return c.approximate * 2 > c.memberIds.length;
}
