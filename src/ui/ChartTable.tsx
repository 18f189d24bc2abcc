import { For, type JSX } from 'solid-js';
import { t } from '../i18n/index.ts';

/** A chart's numbers as tables, folded under "show the numbers" (screen readers read them as tables). */
export function ChartNumbers(props: { children: JSX.Element }) {
  return (
    <details class="chart-table">
      <summary>{t('charts.showTable')}</summary>
      {props.children}
    </details>
  );
}

/** One table of a chart's numbers: column headings, then the rows given as children. */
export function ChartTable(props: { caption?: string; headers: readonly string[]; children: JSX.Element }) {
  return (
    <table class="matrix">
      {props.caption ? <caption>{props.caption}</caption> : null}
      <thead>
        <tr>
          <For each={props.headers}>{(h) => <th scope="col">{h}</th>}</For>
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}
