/**
 * Yielding to the page between slices of work on the main thread (no task of our own over 50 ms):
 * the dataset's arrival (ui/arrival.ts) and the map's cluster data (map/controller.ts).
 */
type Scheduler = { yield?: () => Promise<void> };

/**
 * Lets the page run (input, rendering, other tasks) before the caller continues: the scheduler's yield
 * where the browser has one, else a message to itself (a task, without setTimeout's 4 ms clamp).
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
