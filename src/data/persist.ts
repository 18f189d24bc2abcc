/**
 * Imported data kept in the browser (issue 7): IndexedDB through `idb`, one record, until the user
 * restores the deployment's data or imports again. Records are stored as they are (structured clone),
 * extra columns with any name included.
 */
import { openDB } from 'idb';
import type { Enterprise, Zone } from './types.ts';

export interface StoredDataset {
  /** File name(s) of the import. */
  name: string;
  /** ISO time of the import. */
  since: string;
  enterprises: Enterprise[];
  zones: Zone[];
  /** True while the enterprises are still the synthetic sample (only zones were imported). */
  sample: boolean;
}

const DB = 'shangrao-belt';
const STORE = 'datasets';
const KEY = 'imported';

function db() {
  return openDB(DB, 1, {
    upgrade(d) {
      d.createObjectStore(STORE);
    },
  });
}

export async function saveDataset(d: StoredDataset): Promise<void> {
  const x = await db();
  await x.put(STORE, d, KEY);
  x.close();
}

/** The stored import, or undefined (none, or no IndexedDB: a private window may refuse it). */
export async function loadDataset(): Promise<StoredDataset | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  try {
    const x = await db();
    const d = (await x.get(STORE, KEY)) as StoredDataset | undefined;
    x.close();
    return d;
  } catch (e) {
    console.warn('[belt] could not read the imported data', e);
    return undefined;
  }
}

export async function clearDataset(): Promise<void> {
  const x = await db();
  await x.delete(STORE, KEY);
  x.close();
}
