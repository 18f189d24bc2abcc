/**
 * The renderer main thread's tasks in a Chrome trace, with their waits on the GPU process: shared by
 * bench/browser.ts (load and changes) and bench/import-browser.ts (an import's arrival).
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) duration. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: { url?: string; processId?: number; message?: string; functionName?: string; lineNumber?: number };
  };
}

/**
 * The main thread's waits on the GPU process: with software WebGL (SwiftShader) the GPU process is
 * rasterising on the CPU, and the renderer's main thread blocks until it has caught up — reading the
 * WebGL canvas back for the compositor's Commit (GLES2::ReadPixels), or asking for a shader's link
 * status. In the trace every such block is an `ImplementationBase::WaitForCmd` (category gpu), wrapping
 * `CommandBufferProxyImpl::WaitForGetOffset`; the other WaitFor* calls of the command buffer proxy are
 * the same kind of block.
 */
export const isGpuWait = (name: string) =>
  name === 'ImplementationBase::WaitForCmd' || name.startsWith('CommandBufferProxyImpl::WaitFor');

export interface Task {
  start: number;
  end: number;
  /** µs of the task spent blocked on the GPU process (union of the wait intervals inside it). */
  gpuWait: number;
  /** µs of main-thread CPU time (the trace's thread duration). */
  cpu: number;
}

/** The complete events of one thread, by start time. */
export function threadEvents(events: TraceEvent[], pid: number, tid: number): TraceEvent[] {
  return events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
}

/** The tasks (`RunTask`) among one thread's events (threadEvents), each with its GPU waits. */
export function tasksOf(onMain: TraceEvent[]): Task[] {
  const waits = onMain.filter((e) => isGpuWait(e.name));
  const tasks: Task[] = [];
  let w = 0;
  for (const t of onMain) {
    if (t.name !== 'RunTask') continue;
    const start = t.ts;
    const end = t.ts + t.dur!;
    while (w < waits.length && waits[w]!.ts < start) w++;
    let gpuWait = 0;
    let covered = start; // union of the (nested) wait intervals
    for (let i = w; i < waits.length && waits[i]!.ts < end; i++) {
      const a = Math.max(waits[i]!.ts, covered);
      const b = Math.min(waits[i]!.ts + waits[i]!.dur!, end);
      if (b > a) {
        gpuWait += b - a;
        covered = b;
      }
    }
    tasks.push({ start, end, gpuWait, cpu: t.tdur ?? 0 });
  }
  return tasks;
}
