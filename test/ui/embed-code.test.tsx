/**
 * The embed-code dialog and the compact chrome's link (issue 9), in jsdom: the snippet follows the
 * state and the options; the bar holds the title and the link only.
 */
import { fireEvent, render } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/embed/config.ts';
import { setLang } from '../../src/i18n/index.ts';
import { EmbedBar } from '../../src/ui/EmbedBar.tsx';
import { EmbedCodeDialog } from '../../src/ui/EmbedCodeDialog.tsx';
import { createEmbedCode } from '../../src/ui/embed-code.ts';
import type { AnalysisRunner } from '../../src/ui/figures.ts';
import { createBeltState } from '../../src/ui/state.ts';

const idle: AnalysisRunner = {
  load: () => new Promise(() => {}),
  figures: (() => new Promise(() => {})) as AnalysisRunner['figures'],
};

function setup() {
  setLang('zh');
  const state = createBeltState(
    DEFAULT_CONFIG,
    { stages: ['upstream'], view: { lon: 117.5, lat: 28.6, zoom: 10 } },
    idle,
  );
  const code = createEmbedCode(state, DEFAULT_CONFIG, (l) => (l === 'zh' ? '地图<标题>' : 'Map "title"'));
  const r = render(() => <EmbedCodeDialog code={code} open={true} onClose={() => {}} />);
  const area = () => r.container.querySelector<HTMLTextAreaElement>('textarea[data-embed-snippet]')!;
  return { state, code, r, area };
}
const srcOf = (html: string) => new URL(/src="([^"]+)"/.exec(html)![1]!.replaceAll('&amp;', '&'));

describe('embed-code dialog', () => {
  it('holds the snippet of the current view, with an escaped title', () => {
    const { area } = setup();
    const src = srcOf(area().value);
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.get('stages')).toBe('upstream');
    expect(src.searchParams.get('view')).toBe('117.50000,28.60000,10.00');
    expect(area().value).toContain('title="地图&lt;标题&gt;（交互地图）"');
    expect(area().value).toContain('width="800" height="600"');
  });

  it('follows the state and every option', () => {
    const { state, area, r } = setup();
    state.setStages(['midstream', 'downstream']);
    expect(srcOf(area().value).searchParams.get('stages')).toBe('midstream,downstream');
    const width = r.container.querySelector<HTMLInputElement>('[data-embed-width]')!;
    width.value = '100';
    fireEvent.change(width);
    expect(width.value).toBe('320');
    expect(area().value).toContain('width="320"');
    const lang = r.container.querySelector<HTMLSelectElement>('[data-embed-lang]')!;
    lang.value = 'en';
    fireEvent.change(lang);
    expect(srcOf(area().value).searchParams.get('lang')).toBe('en');
    expect(area().value).toContain('title="Map &quot;title&quot; (interactive map)"');
    fireEvent.change(r.container.querySelector<HTMLInputElement>('[data-embed-mode="full"]')!);
    expect(srcOf(area().value).searchParams.get('embed')).toBeNull();
    const preview = r.container.querySelector<HTMLIFrameElement>('iframe[data-embed-preview]')!;
    expect(preview.getAttribute('src')).toBe(srcOf(area().value).href);
    expect(preview.getAttribute('width')).toBe('320');
    expect(preview.getAttribute('title')).toBeTruthy();
  });

  it('says when the clipboard refused, and selects the code for Ctrl+C', async () => {
    const { code, area } = setup();
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new Error('denied')) },
    });
    await code.copySnippet(area());
    expect(code.copy()).toBe('failed');
    expect(document.activeElement).toBe(area());
  });
});

describe('compact chrome bar', () => {
  it('is the title and a link opening the full map in a new tab', () => {
    const r = render(() => <EmbedBar title="<b>T</b>" fullUrl="https://m.cn/portal/belt/?stages=upstream" />);
    const a = r.container.querySelector('a[data-open-full]')!;
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener');
    expect(a.getAttribute('href')).toBe('https://m.cn/portal/belt/?stages=upstream');
    expect(r.container.querySelector('h1')!.textContent).toBe('<b>T</b>');
    expect(r.container.querySelectorAll('button, input').length).toBe(0);
  });
});
