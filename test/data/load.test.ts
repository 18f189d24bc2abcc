import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateSample } from '../../scripts/lib/sample.ts';
import { loadData, ParseWorker, parseFiles, startParseWorker } from '../../src/data/load.ts';
import { parseEnterprisesGeoJSON } from '../../src/data/parse.ts';
import {
  type FileRequest,
  type FromParseWorker,
  type ParseJob,
  type ParseMessage,
  runParseJob,
  type ToParseWorker,
} from '../../src/data/parse-job.ts';
import { enterprisesToCSV, enterprisesToGeoJSON, zonesToGeoJSON } from '../../src/data/serialize.ts';
import { base, fc, feature } from './row-fixtures.ts';

const sample = generateSample({ seed: 5, count: 12_345 });
const entText = JSON.stringify(enterprisesToGeoJSON(sample.enterprises));
const zoneText = JSON.stringify(zonesToGeoJSON(sample.zones));
const area = JSON.stringify(fc({ type: 'Feature', properties: { adcode: '361100' }, geometry: null }));
const bad = JSON.stringify(
  fc(
    feature(base),
    feature({ ...base, id: 'b2', county: '360681' }), // row 2: county
    feature({ ...base, id: 'b3' }, [200, 28]), // row 3: longitude
  ),
);

/** Run a job in-process (the worker's handler) and collect what it posts. */
async function run(files: FileRequest[], chunkSize?: number): Promise<ParseMessage[]> {
  const out: ParseMessage[] = [];
  await runParseJob({ type: 'parse', files, ...(chunkSize ? { chunkSize } : {}) }, (m) => out.push(m));
  return out;
}
const textFile = (role: FileRequest['role'], text: string, name = `${role}.geojson`): FileRequest => ({
  key: role,
  name,
  role,
  source: { text },
});

/** A fetch that serves `files` (relative URLs as given) in 64 KB body chunks. */
function serve(files: Record<string, string>, headers: (bytes: number) => Record<string, string>) {
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    urls.push(url);
    const text = files[url];
    if (text === undefined) return new Response('not found', { status: 404 });
    const bytes = new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 65536) c.enqueue(bytes.slice(i, i + 65536));
        c.close();
      },
    });
    return new Response(body, { headers: headers(bytes.length) });
  });
  return urls;
}
const withLength = (n: number) => ({ 'Content-Length': String(n) });
const DATA = {
  'data/e.geojson': entText,
  'data/z.geojson': zoneText,
  'data/counties.geojson': area,
  'data/shangrao-prefecture.geojson': area,
};
const URLS = { enterprises: 'data/e.geojson', zones: 'data/z.geojson', base: 'data/' };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the parse job (the worker’s handler, run in-process)', () => {
  it('posts the enterprises in chunks of at most chunkSize that assemble to the parser’s records', async () => {
    const msgs = await run([textFile('enterprises', entText), textFile('zones', zoneText)], 5000);
    const chunks = msgs.flatMap((m) => (m.type === 'enterprises' ? [m.records] : []));
    expect(chunks.map((c) => c.length)).toEqual([5000, 5000, 2345]);
    expect(chunks.flat()).toEqual(parseEnterprisesGeoJSON(entText).records);
    const done = msgs.at(-1)!;
    expect(done).toMatchObject({ type: 'done', enterprises: 12_345, sample: true, rejected: [] });
    expect(done.type === 'done' && done.zones).toEqual(sample.zones);
    // chunks come before the one done message, and every message is a plain structured clone
    expect(msgs.filter((m) => m.type === 'done')).toHaveLength(1);
    expect(structuredClone(msgs)).toEqual(msgs);
  });

  it('reports parse progress by rows, ending at the row count', async () => {
    const msgs = await run([textFile('enterprises', entText)]);
    const parse = msgs.flatMap((m) => (m.type === 'progress' && m.phase === 'parse' ? [m] : []));
    expect(parse.length).toBeGreaterThanOrEqual(12);
    expect(parse.every((p) => p.total === 12_345)).toBe(true);
    expect(parse.map((p) => p.done)).toEqual([...parse.map((p) => p.done)].sort((a, b) => a - b));
    expect(parse.at(-1)!.done).toBe(12_345);
  });

  it('reports fetch progress in bytes against the summed Content-Lengths', async () => {
    serve(DATA, withLength);
    const files: FileRequest[] = [
      { key: 'e', name: 'e', role: 'enterprises', source: { url: 'data/e.geojson' } },
      { key: 'z', name: 'z', role: 'zones', source: { url: 'data/z.geojson' } },
    ];
    const fetch = (await run(files)).flatMap((m) =>
      m.type === 'progress' && m.phase === 'fetch' ? [m] : [],
    );
    const bytes = new TextEncoder().encode(entText + zoneText).length;
    expect(fetch[0]).toEqual({ type: 'progress', phase: 'fetch', done: 0, total: null });
    expect(fetch.at(-1)).toEqual({ type: 'progress', phase: 'fetch', done: bytes, total: bytes });
    expect(fetch.map((p) => p.done)).toEqual([...fetch.map((p) => p.done)].sort((a, b) => a - b));
  });

  it('gives no total where a length is missing or the body is compressed', async () => {
    for (const headers of [() => ({}), (n: number) => ({ ...withLength(n), 'Content-Encoding': 'gzip' })]) {
      serve(DATA, headers);
      const msgs = await run([{ key: 'z', name: 'z', role: 'zones', source: { url: 'data/z.geojson' } }]);
      const last = msgs.filter((m) => m.type === 'progress').at(-1);
      expect(last).toMatchObject({
        phase: 'fetch',
        done: new TextEncoder().encode(zoneText).length,
        total: null,
      });
    }
  });

  it('reads GeoJSON from an ArrayBuffer and CSV from text, with the same parser', async () => {
    const buffer = new TextEncoder().encode(`\uFEFF${bad}`).buffer;
    const csv = enterprisesToCSV(sample.enterprises.slice(0, 50));
    const msgs = await run([
      { key: 'a', name: 'chosen.geojson', role: 'enterprises', source: { buffer } },
      { key: 'b', name: 'chosen.csv', role: 'enterprises', format: 'csv', source: { text: csv } },
    ]);
    const records = msgs.flatMap((m) => (m.type === 'enterprises' ? m.records : []));
    expect(records.map((e) => e.id)).toEqual(['a1', ...sample.enterprises.slice(0, 50).map((e) => e.id)]);
    const done = msgs.at(-1);
    expect(done?.type === 'done' && done.rejected.map((r) => r.file)).toEqual(['chosen.geojson']);
  });

  it('posts one error for a file that cannot be fetched or is not JSON', async () => {
    serve(DATA, withLength);
    const missing = await run([
      { key: 'x', name: 'data/x.geojson', role: 'zones', source: { url: 'data/x' } },
    ]);
    expect(missing.at(-1)).toEqual({ type: 'error', message: 'data/x.geojson: HTTP 404' });
    const broken = await run([textFile('geojson', '{oops', 'data/counties.geojson')]);
    expect(broken.at(-1)).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/^data\/counties.geojson: not valid JSON/),
    });
  });
});

/** Stands in for the module worker (parse-worker.ts): jobs by id on later tasks, messages cloned. */
class FakeWorker {
  onmessage: ((ev: MessageEvent<FromParseWorker>) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  onmessageerror: ((ev: Event) => void) | null = null;
  terminated = false;
  jobs = 0;
  /** `next` messages received (one per chunk taken). */
  nexts = 0;
  private readonly wake = new Map<number, () => void>();
  constructor(private readonly fail = false) {}
  postMessage(msg: ToParseWorker) {
    const { id } = msg;
    if (msg.type === 'next') {
      this.nexts++;
      this.wake.get(id)?.();
      return;
    }
    this.jobs++;
    setTimeout(() => {
      if (this.fail) this.onerror?.(new Event('error', { cancelable: true }));
      else
        void runParseJob(
          structuredClone(msg) as ParseJob,
          (m) =>
            setTimeout(
              () =>
                !this.terminated && this.onmessage?.({ data: structuredClone({ ...m, id }) } as MessageEvent),
            ),
          () => new Promise<void>((resolve) => this.wake.set(id, resolve)),
        );
    });
  }
  terminate() {
    this.terminated = true;
  }
}
const fake = (fail = false) => {
  const w = new FakeWorker(fail);
  return { w, worker: new ParseWorker(w as unknown as Worker) };
};

describe('loadData', () => {
  it('runs in-process where Worker is undefined, with the same result type as before', async () => {
    expect(typeof Worker).toBe('undefined');
    const urls = serve(DATA, withLength);
    const progress: unknown[] = [];
    const d = await loadData(URLS, { onProgress: (p) => progress.push(p) });
    expect(urls.sort()).toEqual(Object.keys(DATA).sort());
    expect(d.enterprises).toEqual(parseEnterprisesGeoJSON(entText).records);
    expect(d.zones).toEqual(sample.zones);
    expect(d.counties).toEqual(JSON.parse(area));
    expect(d.prefecture).toEqual(JSON.parse(area));
    expect(d).toMatchObject({ rejected: [], sample: true });
    expect(progress.at(-1)).toBeNull();
    expect(progress).toContainEqual({ phase: 'parse', done: 12_345, total: 12_345 });
  });

  it('assembles the chunks a worker sends, and keeps the worker for the next job', async () => {
    serve(DATA, withLength);
    const { w, worker } = fake();
    const progress: unknown[] = [];
    const [a, b] = await Promise.all([
      loadData(URLS, { worker, chunkSize: 1000, onProgress: (p) => progress.push(p) }),
      parseFiles([textFile('enterprises', bad)], { worker }),
    ]);
    expect(a.enterprises).toEqual(parseEnterprisesGeoJSON(entText).records);
    expect(b.enterprises.map((e) => e.id)).toEqual(['a1']);
    expect(w.jobs).toBe(2);
    expect(w.nexts).toBe(13 + 1); // one chunk in flight per job: the page asks for each next one
    expect(w.terminated).toBe(false);
    expect(progress.at(-1)).toBeNull();
  });

  it('falls back to the same job in-process when the worker fails to start', async () => {
    serve(DATA, withLength);
    const { w, worker } = fake(true);
    for (const option of [
      worker,
      worker,
      startParseWorker(() => {
        throw new Error('blocked');
      }),
    ]) {
      const d = await loadData(URLS, { worker: option });
      expect(d.enterprises).toHaveLength(12_345);
      expect(d.zones).toEqual(sample.zones);
    }
    expect(w.jobs).toBe(1); // a failed worker is not asked again
    expect(w.terminated).toBe(true);
  });

  it('names file, row and field of every rejected row, as before', async () => {
    serve({ ...DATA, 'data/e.geojson': bad }, withLength);
    const d = await loadData(URLS, { worker: fake().worker });
    expect(d.enterprises.map((e) => e.id)).toEqual(['a1']);
    expect(d.rejected).toHaveLength(1);
    expect(d.rejected[0]!.file).toBe('data/e.geojson');
    expect(d.rejected[0]!.errors.map((e) => [e.row, e.id, e.field])).toEqual([
      [2, 'b2', 'county'],
      [3, 'b3', 'longitude'],
    ]);
    expect(d.rejected[0]!.errors[0]!.message).toMatch(/^row 2 \(id b2\): county '360681'/);
    expect(d.sample).toBe(false);
  });

  it('rejects with the file named when one cannot be fetched', async () => {
    serve(DATA, withLength);
    await expect(loadData({ ...URLS, zones: 'data/missing.geojson' })).rejects.toThrow(
      'data/missing.geojson: HTTP 404',
    );
  });

  it('rejects with the file named when one is JSON but not a FeatureCollection (issue 9)', async () => {
    for (const text of ['{"type":"Feature"}', '[1,2]', '{"features":{}}', '"x"', 'null']) {
      serve({ ...DATA, 'data/e.geojson': text }, withLength);
      await expect(loadData(URLS), text).rejects.toThrow(
        /^data\/e\.geojson: not (a GeoJSON FeatureCollection|valid JSON)/,
      );
    }
    serve({ ...DATA, 'data/z.geojson': '{"type":"FeatureCollection"}' }, withLength);
    await expect(loadData(URLS)).rejects.toThrow('data/z.geojson: not a GeoJSON FeatureCollection');
  });
});

describe('parseFiles', () => {
  it('takes files the page already holds (an import) and reports their warnings', async () => {
    const r = await parseFiles([
      textFile('enterprises', JSON.stringify(fc(feature({ ...base, county: '361121' })))),
    ]);
    expect(r.enterprises.map((e) => e.county)).toEqual(['361104']);
    expect(r.warnings[0]).toMatchObject({
      file: 'enterprises.geojson',
      errors: [{ row: 1, field: 'county' }],
    });
  });
});
