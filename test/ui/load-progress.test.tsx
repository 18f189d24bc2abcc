import { render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoadProgress as Progress } from '../../src/data/parse-job.ts';
import { setLang } from '../../src/i18n/index.ts';
import { LoadProgress, SHOW_ABOVE_BYTES, SHOW_AFTER_MS } from '../../src/ui/LoadProgress.tsx';

function mount(initial: Progress | null) {
  const [p, setP] = createSignal<Progress | null>(initial);
  const r = render(() => <LoadProgress progress={p()} />);
  const bar = () => r.container.querySelector('progress');
  return { ...r, setP, bar };
}

afterEach(() => {
  vi.useRealTimers();
  setLang('zh');
});

describe('LoadProgress', () => {
  it('shows a large download at once, labelled through i18n', () => {
    setLang('zh');
    const { bar, getByLabelText } = mount({ phase: 'fetch', done: 1e6, total: SHOW_ABOVE_BYTES + 1 });
    expect(getByLabelText('正在下载数据…')).toBe(bar());
    expect(bar()!.getAttribute('value')).toBe('1000000');
    expect(bar()!.getAttribute('max')).toBe(String(SHOW_ABOVE_BYTES + 1));
    expect(bar()!.hasAttribute('style')).toBe(false);
  });

  it('shows a small or unknown-size load only after SHOW_AFTER_MS, then hides it when done', () => {
    vi.useFakeTimers();
    setLang('en');
    const { bar, setP, getByLabelText } = mount(null);
    expect(bar()).toBeNull();
    setP({ phase: 'fetch', done: 10, total: null });
    expect(bar()).toBeNull();
    vi.advanceTimersByTime(SHOW_AFTER_MS - 1);
    setP({ phase: 'fetch', done: 20, total: null }); // progress does not restart the wait
    expect(bar()).toBeNull();
    vi.advanceTimersByTime(1);
    expect(bar()).not.toBeNull();
    expect(bar()!.hasAttribute('value')).toBe(false); // indeterminate
    setP({ phase: 'parse', done: 5, total: 10 });
    expect(getByLabelText('Reading the enterprise records…')).toBe(bar());
    expect(bar()!.getAttribute('value')).toBe('5');
    setP(null);
    expect(bar()).toBeNull();
    setP({ phase: 'parse', done: 0, total: 10 }); // a new load waits again
    expect(bar()).toBeNull();
  });
});
