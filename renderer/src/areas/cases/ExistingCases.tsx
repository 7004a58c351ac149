import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkHetu } from '../../../../shared/hetu';
import type { ExistingCases as Found } from '../../../../shared/contract/cases';
import { formatDate } from '../../format';
import { api } from '../../api';
import type { ChildDraft } from './registerDraft';

/** What the store holds for one child of the form: its earlier cases, and whether some are outside the caller's scope. */
export type ExistingFor = Found & { child: number };

/** How a child is looked up: by a valid identity code, else by name and birth date, else not yet. */
function lookupOf(c: ChildDraft) {
  if (checkHetu(c.hetu).ok) return { hetu: c.hetu };
  if (c.firstName && c.lastName && c.birthDate)
    return { firstName: c.firstName, lastName: c.lastName, birthDate: c.birthDate };
  return null;
}

/**
 * Every child of the form checked against earlier cases (not only the first), 300 ms after typing stops.
 * Each lookup is asked once per form: the store limits how many a user makes a minute, and a change to
 * one child must not ask again for its siblings.
 */
export function useExistingCases(children: ChildDraft[]): ExistingFor[] {
  const [found, setFound] = useState<ExistingFor[]>([]);
  const answers = useRef(new Map<string, Found>());
  const lookups = children.map(lookupOf);
  const key = JSON.stringify(lookups);
  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      const ask = async (lookup: NonNullable<ReturnType<typeof lookupOf>>) => {
        const k = JSON.stringify(lookup);
        if (!answers.current.has(k)) {
          const r = await api.cases.findExisting(lookup);
          // A refusal (the rate limit) is not remembered: the next change asks again.
          if (!r.ok) return null;
          answers.current.set(k, { cases: r.value.cases, outsideScope: r.value.outsideScope });
        }
        return answers.current.get(k)!;
      };
      void Promise.all(lookups.map((l) => (l ? ask(l) : null))).then((results) => {
        if (!current) return;
        setFound(results.flatMap((r, child) => (r && (r.cases.length > 0 || r.outsideScope) ? [{ child, ...r }] : [])));
      });
    }, 300);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // The lookups are compared by their text: a new array of the same lookups is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return found;
}

/** The earlier cases of each child, each with the choice to link the notification to it. */
export function ExistingCases({
  found,
  childrenNames,
  linkTo,
  onLink,
}: {
  found: ExistingFor[];
  childrenNames: string[];
  linkTo: string | null;
  onLink: (id: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  if (found.length === 0) return null;
  return (
    <section className="banner banner-info" aria-live="polite">
      {found.map(({ child, cases, outsideScope }) => {
        const name = childrenNames[child] || t('register.child', { n: child + 1 });
        return (
          <div key={child}>
            <p>{cases.length > 0 ? t('register.existingFor', { name }) : name}</p>
            {cases.length > 0 && (
              <ul className="existing">
                {cases.map((c) => (
                  <li key={c.id}>
                    {c.childName} · {t(`caseTypes.${c.type}`)} · {formatDate(c.receivedDate, i18n.language)} ·{' '}
                    {t(`statuses.${c.status}`)}{' '}
                    <button
                      type="button"
                      aria-pressed={linkTo === c.id}
                      onClick={() => onLink(linkTo === c.id ? null : c.id)}
                    >
                      {t('register.linkTo')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {outsideScope && <p role="status">{t('register.existingElsewhere')}</p>}
          </div>
        );
      })}
    </section>
  );
}
