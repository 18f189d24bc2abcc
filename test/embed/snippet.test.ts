import { describe, expect, it } from 'vitest';
import { clampSize, iframeSnippet, mapUrl, pageAddress } from '../../src/embed/snippet.ts';
import { parseUrlState, type UrlState } from '../../src/embed/url.ts';

const base: UrlState & { stages: UrlState['stages'] & object; lang: 'zh' } = {
  stages: ['upstream', 'downstream'],
  lang: 'zh',
  embed: false,
  view: { lon: 117.5, lat: 28.6, zoom: 10 },
  select: 'E1',
  list: true,
  panel: true,
};
const A = 'https://map.example.gov.cn/portal/belt/';

describe('links to the map (issue 9)', () => {
  it('the page address keeps the sub-path and drops query and hash', () => {
    expect(pageAddress('https://map.example.gov.cn/portal/belt/?stages=x#y')).toBe(A);
    expect(pageAddress('http://127.0.0.1:8080/index.html')).toBe('http://127.0.0.1:8080/index.html');
  });

  it('the compact link carries the URL state, embed=1, and no side panels opened in the full app', () => {
    const u = new URL(mapUrl(A, base, { compact: true }));
    expect(`${u.origin}${u.pathname}`).toBe(A);
    const back = parseUrlState(u.search, () => {});
    expect(back).toEqual({
      stages: ['upstream', 'downstream'],
      lang: 'zh',
      embed: true,
      view: { lon: 117.5, lat: 28.6, zoom: 10 },
      select: 'E1',
    });
  });

  it('the full link from the compact view drops embed, keeps the list, opens with the panel', () => {
    const u = new URL(
      mapUrl(A, { ...base, embed: true, panel: true, list: true }, { compact: false, lang: 'en' }),
    );
    const back = parseUrlState(u.search, () => {});
    expect(back.embed).toBeUndefined();
    expect(back.panel).toBeUndefined();
    expect(back.list).toBe(true);
    expect(back.lang).toBe('en');
  });

  it('a compact view with its panels open keeps them in its compact link', () => {
    const back = parseUrlState(
      new URL(mapUrl(A, { ...base, embed: true }, { compact: true })).search,
      () => {},
    );
    expect(back).toMatchObject({ embed: true, panel: true, list: true });
  });

  it('writes DBSCAN parameters only when they differ from the deployment', () => {
    const s = { ...base, dbscan: { maxDistanceKm: 1.5, minPoints: 3 } };
    const d = { dbscan: { maxDistanceKm: 1.5, minPoints: 3 } };
    expect(mapUrl(A, s, { compact: true, defaults: d })).not.toContain('dbscan');
    expect(
      mapUrl(A, { ...s, dbscan: { maxDistanceKm: 2, minPoints: 4 } }, { compact: true, defaults: d }),
    ).toContain('dbscan=2,4');
  });

  it('the snippet escapes its attributes, clamps the size and carries a title', () => {
    const html = iframeSnippet(
      'https://m.cn/?a=1&b="x"',
      { width: 10, height: 1e9, lang: 'en', compact: true },
      '<Map> & "more"',
    );
    expect(html).toBe(
      '<iframe src="https://m.cn/?a=1&amp;b=&quot;x&quot;" width="320" height="3840" title="&lt;Map&gt; &amp; &quot;more&quot;" lang="en" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>',
    );
    expect(srcAttribute(html)).toBe('https://m.cn/?a=1&b="x"');
    expect(clampSize(Number.NaN, 640)).toBe(640);
    expect(clampSize(799.6, 0)).toBe(800);
  });
});

/** The src attribute read back as an HTML parser would (entities decoded). */
function srcAttribute(html: string): string {
  const raw = /src="([^"]*)"/.exec(html)![1]!;
  return raw
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
