import { t } from '../i18n/index.ts';

/** A stage's short name in the interface language (the part before '·': 上游, Upstream). */
export function stageShort(s: string): string {
  return t(`stage.${s as 'upstream'}`)
    .split('·')[0]!
    .trim();
}
