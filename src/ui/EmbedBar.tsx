import { t } from '../i18n/index.ts';

/**
 * The compact chrome's bar (embed=1, issue 9): the title and a link that opens the full map with the
 * same view in a new tab. Everything else of the embed view is the map and the legend.
 */
export function EmbedBar(props: { title: string; fullUrl: string }) {
  return (
    <header class="embed-bar">
      <h1>{props.title}</h1>
      <a href={props.fullUrl} target="_blank" rel="noopener" data-open-full>
        {t('embed.openFull')}
        <span class="visually-hidden">{t('embed.openFullHint')}</span>
      </a>
    </header>
  );
}
