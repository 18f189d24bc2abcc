import { For, Show } from 'solid-js';
import type { Crs } from '../data/crs.ts';
import { CRS_NAMES } from '../data/crs.ts';
import { ENCODINGS, type Encoding } from '../data/import/decode.ts';
import { IMPORT_FIELDS, ZONE_FIELDS } from '../data/import/vocabulary.ts';
import { PRECISIONS, type Precision } from '../data/types.ts';
import { fmt, type MessageKey, t } from '../i18n/index.ts';
import { describeIssue, type ImportFlow } from './import-flow.ts';
import type { BeltState } from './state.ts';

/** Lines of the report shown on the page (all of them are in the downloadable CSV). */
const SHOWN_ISSUES = 200;

/** A labelled select whose stable hook attribute is `hook`. */
function Choice(props: {
  label: string;
  hook: string;
  value: string;
  options: [string, string][];
  onChange(v: string): void;
}) {
  return (
    <label>
      {props.label}
      <select
        ref={(el) => el.setAttribute(props.hook, '')}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <For each={props.options}>
          {([v, text]) => (
            <option value={v} selected={v === props.value}>
              {text}
            </option>
          )}
        </For>
      </select>
    </label>
  );
}

/**
 * The import (issue 7): the dataset shown and its restore button, the file input and coordinate system,
 * the mapping step with a preview, progress with cancel, and the report. Layout only: import-flow.ts.
 * Every string from the file is rendered as text.
 */
export function ImportPanel(props: { state: BeltState; flow: ImportFlow }) {
  const f = props.flow;
  const ds = () => props.state.dataset();
  const kind = () => ds()?.kind ?? (props.state.isSample() ? 'sample' : 'configured');
  const fields = () => (f.inspection()?.kind === 'zones' ? ZONE_FIELDS : IMPORT_FIELDS);
  return (
    <section class="import-panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      <p
        class="dataset"
        data-dataset
        data-kind={kind()}
        data-since={ds()?.since ?? ''}
        data-name={ds()?.name ?? ''}
      >
        {kind() === 'imported'
          ? // A zone file over the sample keeps the synthetic firms: the line says so (data honesty).
            t(props.state.isSample() ? 'dataset.importedZonesOnSample' : 'dataset.imported', {
              name: ds()?.name ?? '',
              since: (ds()?.since ?? '').slice(0, 16).replace('T', ' '),
            })
          : t(kind() === 'sample' ? 'dataset.sample' : 'dataset.configured')}
      </p>
      <Show when={kind() === 'imported'}>
        <button type="button" data-restore-sample onClick={() => void f.restore()}>
          {t('dataset.restore')}
        </button>
      </Show>
      <label class="import-file">
        {t('import.file')}
        <input
          type="file"
          data-import
          accept=".csv,.txt,.xlsx,.geojson,.json,.kml,.kmz,.zip"
          onChange={(e) => {
            void f.pick(e.currentTarget.files?.[0]);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {/* In the mapping step (an overlay) its message shows inside it, where it can be seen. */}
      <Show when={f.step() !== 'mapping' && f.error()}>
        <p class="import-error" role="alert">
          {f.error()}
        </p>
      </Show>
      <Show when={f.step() === 'reading' || f.step() === 'running'}>
        <div class="import-progress" role="status">
          <span>{t('import.reading')}</span>
          <Show when={f.progress()?.total} fallback={<progress aria-label={t('import.reading')} />}>
            {(total) => (
              <progress aria-label={t('import.reading')} max={total()} value={f.progress()?.done ?? 0} />
            )}
          </Show>
          <button type="button" data-import-cancel onClick={() => f.cancel()}>
            {t('import.cancel')}
          </button>
        </div>
      </Show>
      <Show when={f.step() === 'mapping' && f.inspection()}>
        {(ins) => (
          <section
            class="import-step"
            aria-labelledby="import-mapping-title"
            data-import-mapping
            onKeyDown={(e) => e.key === 'Escape' && f.cancel()}
          >
            <h3 id="import-mapping-title">
              {t('import.mapping')} ·{' '}
              {f.inspection()!.kind === 'zones' ? t('import.kind.zones') : t('import.kind.enterprises')}
            </h3>
            <Show when={f.error()}>
              <p class="import-error" role="alert">
                {f.error()}
              </p>
            </Show>
            <Choice
              label={t('import.crs')}
              hook="data-import-crs"
              value={f.crs()}
              options={CRS_NAMES.map((c) => [c, t(`import.crs.${c}` as MessageKey)])}
              onChange={(v) => f.setCrs(v as Crs)}
            />
            <Show when={ins().encoding}>
              <Choice
                label={t('import.encoding')}
                hook="data-import-encoding"
                value={ins().encoding!.encoding}
                options={ENCODINGS.map((c) => [c, t(`import.encoding.${c}` as MessageKey)])}
                onChange={(v) => f.setEncoding(v as Encoding)}
              />
            </Show>
            <Show when={(ins().sheets?.length ?? 0) > 1}>
              <Choice
                label={t('import.sheet')}
                hook="data-import-sheet"
                value={ins().sheet ?? ''}
                options={(ins().sheets ?? []).map((n) => [n, n])}
                onChange={(v) => f.setSheet(v)}
              />
            </Show>
            <Show when={ins().kind === 'enterprises'}>
              <Choice
                label={t('import.precision')}
                hook="data-import-precision"
                value={f.precision()}
                options={PRECISIONS.filter((p) => p !== 'none').map((p) => [
                  p,
                  t(`precision.${p}` as MessageKey),
                ])}
                onChange={(v) => f.setPrecision(v as Precision)}
              />
            </Show>
            <div class="import-table-wrap">
              <table class="import-preview">
                <caption>{t('import.preview', { n: ins().preview.length, total: fmt(ins().rows) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('import.row')}</th>
                    <For each={ins().columns}>{(c) => <th scope="col">{c}</th>}</For>
                  </tr>
                  <tr>
                    <th scope="row">{t('import.field')}</th>
                    <For each={ins().columns}>
                      {(c, i) => (
                        <td>
                          <select
                            data-import-field={c}
                            aria-label={`${t('import.field')}: ${c}`}
                            value={f.mapping()[i()] ?? ''}
                            onChange={(e) => f.mapColumn(i(), e.currentTarget.value)}
                          >
                            <option value="">{t('import.field.none')}</option>
                            <For each={fields()}>
                              {(fd) => <option value={fd}>{t(`import.field.${fd}` as MessageKey)}</option>}
                            </For>
                          </select>
                        </td>
                      )}
                    </For>
                  </tr>
                </thead>
                <tbody>
                  <For each={ins().preview}>
                    {(row, r) => (
                      <tr>
                        <th scope="row">{ins().previewRows[r()]}</th>
                        <For each={ins().columns}>
                          {(_c, i) => <td>{row[i()] === null ? '' : String(row[i()])}</td>}
                        </For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <div class="import-actions">
              <button type="button" data-import-confirm onClick={() => void f.confirm()}>
                {t('import.confirm')}
              </button>
              <button type="button" onClick={() => f.cancel()}>
                {t('import.cancel')}
              </button>
            </div>
          </section>
        )}
      </Show>
      <Show when={f.step() === 'report' && f.report()}>
        {(r) => (
          <section
            class="import-report"
            onKeyDown={(e) => e.key === 'Escape' && f.closeReport()}
            data-import-report
            data-kind={r().kind}
            data-accepted={r().accepted}
            data-unlocated={r().unlocated}
            data-rejected={r().rejected}
            data-warnings={r().warnings}
            aria-labelledby="import-report-title"
          >
            <h3 id="import-report-title">
              {t('import.report', {
                file: r().file,
                kind: r().kind === 'zones' ? t('import.kind.zones') : t('import.kind.enterprises'),
              })}
            </h3>
            <p>
              {t('import.report.summary', {
                rows: fmt(r().rows),
                accepted: fmt(r().accepted),
                unlocated: fmt(r().unlocated),
                rejected: fmt(r().rejected),
                warnings: fmt(r().warnings),
              })}
            </p>
            <ul class="import-issues">
              <For each={r().issues.slice(0, SHOWN_ISSUES)}>
                {(i) => (
                  <li data-import-issue={i.kind} data-row={i.row}>
                    <strong>
                      {t(`import.status.${i.kind}` as MessageKey)} · {t('import.row')} {i.row}
                    </strong>
                    {i.column ? ` · ${i.column}` : ''}
                    {i.name ? ` · ${i.name}` : ''}: {describeIssue(i)}
                  </li>
                )}
              </For>
            </ul>
            <Show when={r().issues.length > SHOWN_ISSUES}>
              <p>{t('import.report.more', { n: fmt(r().issues.length - SHOWN_ISSUES) })}</p>
            </Show>
            <div class="import-actions">
              <button type="button" data-import-report-download onClick={() => f.downloadReport()}>
                {t('import.report.download')}
              </button>
              <button type="button" data-import-report-close onClick={() => f.closeReport()}>
                {t('import.report.close')}
              </button>
            </div>
          </section>
        )}
      </Show>
    </section>
  );
}
