/**
 * The import, step by step (issue 7): a file is chosen → the parse worker inspects it (kind, columns,
 * guessed mapping, first rows, encoding, sheets) → the person checks the mapping and the choices
 * (coordinate system, encoding, sheet, precision) → confirm: the worker reads, validates and converts
 * every row with a progress bar and a cancel button → the dataset replaces the shown one (a registry
 * replaces the sample, zones included; a zone file replaces the zones and keeps the enterprises), is
 * kept in IndexedDB, and the report is shown. Restoring drops the import and reloads the deployment's
 * data. The component (ImportPanel.tsx) only lays this out.
 */
import { batch, createSignal } from 'solid-js';
import type { Crs } from '../data/crs.ts';
import type { Encoding } from '../data/import/decode.ts';
import type { Inspection } from '../data/import/job.ts';
import { rejoinZones } from '../data/import/join.ts';
import { type ImportIssue, type ImportReport, reportToCSV } from '../data/import/report.ts';
import { ImportCancelled, inspectImport, loadData, runImport } from '../data/load.ts';
import { DEFAULT_CHUNK, isSyntheticSource } from '../data/parse-job.ts';
import { clearDataset, saveDataset } from '../data/persist.ts';
import type { Precision } from '../data/types.ts';
import type { BeltConfig } from '../embed/config.ts';
import { type MessageKey, t } from '../i18n/index.ts';
import { indexDataset } from './arrival.ts';
import type { BeltState } from './state.ts';

export type ImportStep = 'idle' | 'reading' | 'mapping' | 'running' | 'report';

/** The translated reason of a report line (zh first). */
export function describeIssue(i: ImportIssue): string {
  const params = { ...i.params };
  for (const k of ['field', 'missing', 'given'] as const) {
    const v = params[k];
    if (typeof v === 'string') params[k] = t(`import.field.${v}` as MessageKey);
  }
  const text = t(`import.reason.${i.code}` as MessageKey, params);
  return i.params.swapped ? `${text}（${t('import.reason.swapped')}）` : text;
}

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function createImportFlow(s: BeltState, config: BeltConfig) {
  const [step, setStep] = createSignal<ImportStep>('idle');
  const [file, setFile] = createSignal<{ name: string; bytes: ArrayBuffer } | null>(null);
  const [inspection, setInspection] = createSignal<Inspection | null>(null);
  const [mapping, setMapping] = createSignal<string[]>([]);
  const [crs, setCrs] = createSignal<Crs>('wgs84');
  const [precision, setPrecision] = createSignal<Precision>('street');
  const [report, setReport] = createSignal<ImportReport | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [progress, setProgress] = createSignal<{ done: number; total: number | null } | null>(null);
  let abort: AbortController | null = null;

  const fail = (e: unknown) => {
    setProgress(null);
    if (e instanceof ImportCancelled) {
      setError(t('import.cancelled'));
      setStep(inspection() ? 'mapping' : 'idle');
      return;
    }
    setError(
      t('import.failed', { file: file()?.name ?? '', msg: e instanceof Error ? e.message : String(e) }),
    );
    setStep('idle');
  };

  async function inspect(choices: { encoding?: Encoding; sheet?: string } = {}) {
    const f = file();
    if (!f) return;
    setStep('reading');
    abort = new AbortController();
    try {
      const r = await inspectImport(
        { name: f.name, bytes: f.bytes.slice(0), ...choices },
        { signal: abort.signal, onProgress: (p) => setProgress(p && { done: p.done, total: p.total }) },
      );
      batch(() => {
        setInspection(r);
        setMapping(r.mapping);
        setStep('mapping');
      });
    } catch (e) {
      fail(e);
    }
  }

  async function pick(f: File | undefined) {
    if (!f) return;
    batch(() => {
      setError(null);
      setReport(null);
      setInspection(null);
    });
    setFile({ name: f.name, bytes: await f.arrayBuffer() });
    await inspect();
  }

  function setEncoding(encoding: Encoding) {
    void inspect({ encoding, ...(inspection()?.sheet ? { sheet: inspection()!.sheet! } : {}) });
  }
  function setSheet(sheet: string) {
    void inspect({ sheet });
  }
  function mapColumn(i: number, field: string) {
    setMapping((m) => m.map((f, k) => (k === i ? field : f === field && field !== '' ? '' : f)));
  }

  async function confirm() {
    const f = file();
    const ins = inspection();
    if (!f || !ins) return;
    setStep('running');
    setError(null);
    abort = new AbortController();
    const current = s.dataset();
    // A registry replaces the sample, zones included: the synthetic zones go, real ones stay for the join.
    const keptZones = (current?.zones ?? []).filter((z) => !isSyntheticSource(z.source));
    const since = new Date().toISOString();
    try {
      const r = await runImport(
        {
          name: f.name,
          bytes: f.bytes.slice(0),
          ...(ins.encoding ? { encoding: ins.encoding.encoding } : {}),
          ...(ins.sheet ? { sheet: ins.sheet } : {}),
          kind: ins.kind,
          mapping: mapping(),
          crs: crs(),
          precision: precision(),
          zones: keptZones,
          ...(ins.kind === 'enterprises' ? { persistSince: since } : {}),
        },
        {
          signal: abort.signal,
          onProgress: (p) => setProgress(p && { done: p.done, total: p.total }),
          chunkSize: DEFAULT_CHUNK, // the records in messages as small as the load's (no long receive)
        },
      );
      let next: {
        enterprises: BeltState['enterprises'] extends () => infer E ? E : never;
        zones: typeof r.zones;
        sample: boolean;
      };
      let zoneFilter: string[] | null = null;
      if (r.kind === 'zones') {
        const joined = rejoinZones(current?.enterprises ?? [], current?.zones ?? [], r.zones);
        // A zone filter follows its zones to their new ids (set once they are loaded, below).
        const zf = s.filters().zones;
        if (zf && joined.renamed.size > 0) zoneFilter = zf.map((z) => joined.renamed.get(z) ?? z);
        next = { enterprises: joined.enterprises, zones: joined.zones, sample: current?.sample ?? false };
      } else next = { enterprises: r.enterprises, zones: r.zones, sample: false };
      const index = await indexDataset(next.enterprises, next.zones); // in slices: no long task
      s.loadData({
        ...next,
        index,
        studyArea: current?.studyArea ?? null,
        kind: 'imported',
        name: f.name,
        since,
      });
      if (zoneFilter) s.setFilters({ zones: zoneFilter });
      batch(() => {
        setReport(r.report);
        setStep('report');
        setProgress(null);
      });
      // A registry was kept by the worker (RunJob.persistSince); a zone file's result is kept from here.
      if (r.kind === 'zones')
        await saveDataset({
          name: f.name,
          since,
          enterprises: [...next.enterprises],
          zones: [...next.zones],
          sample: next.sample,
        }).catch((e: unknown) => console.warn('[belt] could not keep the import in this browser', e));
    } catch (e) {
      fail(e);
    }
  }

  function cancel() {
    abort?.abort();
    if (step() === 'mapping') {
      setStep('idle');
      setInspection(null);
    }
  }

  async function restore() {
    await clearDataset().catch(() => {});
    const current = s.dataset();
    try {
      const d = await loadData({ ...config.data, base: 'data/' }, { onProgress: s.setLoadProgress });
      s.loadData({
        enterprises: d.enterprises,
        zones: d.zones,
        index: await indexDataset(d.enterprises, d.zones),
        sample: d.sample,
        studyArea: current?.studyArea ?? null,
        kind: d.sample ? 'sample' : 'configured',
      });
      batch(() => {
        setReport(null);
        setStep('idle');
      });
    } catch (e) {
      fail(e);
    }
  }

  function downloadReport() {
    const r = report();
    if (!r) return;
    download(reportToCSV(r, describeIssue), `${r.file.replace(/\.[^.]+$/, '')}-import-report.csv`);
  }

  return {
    step,
    inspection,
    mapping,
    crs,
    setCrs,
    precision,
    setPrecision,
    report,
    error,
    progress,
    pick,
    setEncoding,
    setSheet,
    mapColumn,
    confirm,
    cancel,
    restore,
    downloadReport,
    closeReport: () => setStep('idle'),
  };
}

export type ImportFlow = ReturnType<typeof createImportFlow>;
