import type { TFunction } from 'i18next';
import type { RuleProblem } from '../../../../shared/contract/roster';
import { formatDate } from '../../format';

/** A broken hard rule in the user's language: "Aino Virtanen on poissa 3.2.2027". */
export function problemText(t: TFunction, language: string, p: RuleProblem): string {
  return t(`roster.rules.${p.rule}`, {
    name: p.name ?? '',
    date: formatDate(p.date, language),
    week: p.week ? Number(p.week.slice(-2)) : '',
    duty: p.duty ? t(`duties.${p.duty}`) : '',
    count: p.count ?? 0,
    max: p.max ?? 0,
  });
}
