import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/contract/cases';
import { helsinkiDate } from '../../../../../shared/dates';
import {
  childOldEnough,
  LETTER_KINDS,
  LETTER_LANGUAGES,
  type LetterKind,
  type LetterLanguage,
} from '../../../../../shared/contract/letters';
import type { ErrorPayload } from '../../../../../shared/errors';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { SelectField } from '../../../components/SelectField';
import { downloadBase64 } from '../../../download';
import { formatDateTime } from '../../../format';
import { useQueue } from '../queueStore';
import { api } from '../../../api';

/** The notice to guardians and the decision letter: made from the county's templates, kept with the case. */
export function LettersPanel({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const act = useQueue((s) => s.act);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const guardiansLanguage: LetterLanguage = detail.guardians[0]?.language === 'sv' ? 'sv' : 'fi';
  const [kind, setKind] = useState<LetterKind>('RECEIPT_NOTICE');
  const [language, setLanguage] = useState<LetterLanguage>(guardiansLanguage);
  const [recipient, setRecipient] = useState('');

  useEffect(() => {
    setKind(detail.decision ? 'DECISION' : 'RECEIPT_NOTICE');
    setLanguage(guardiansLanguage);
    setRecipient(detail.guardians.map((g) => g.name).join(', '));
    // Only when another case is shown: a refreshed detail must not undo what the user typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail.id, detail.decision]);

  const open = async (id: number) => {
    setError(null);
    const result = await api.letters.pdf({ id });
    if (!result.ok) return setError(result.error);
    downloadBase64(result.value.fileName, result.value.pdfBase64, 'application/pdf');
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const before = new Set(detail.letters.map((l) => l.id));
    let created: number | undefined;
    await act(async () => {
      const result = await api.letters.create({ caseId: detail.id, kind, language, recipient });
      if (result.ok) created = result.value.letters.find((l) => !before.has(l.id))?.id;
      return result;
    });
    if (created) await open(created);
  };

  const kinds = LETTER_KINDS.filter(
    (k) =>
      (k !== 'DECISION' || detail.decision) &&
      (k !== 'SUMMARY' || detail.summaryRecord) &&
      (k !== 'SUPPORT_NOTICE' || detail.clientRelationshipSince) &&
      (k !== 'FEEDBACK_REQUEST' || detail.assessmentCompletedDate) &&
      (k !== 'CHILD_NOTICE' || childOldEnough(detail.childBirthDate, helsinkiDate(new Date()))),
  );
  return (
    <section className="triage" aria-labelledby="letters-heading">
      <h3 id="letters-heading">{t('letters.title')}</h3>
      {detail.letters.length > 0 ? (
        <ul className="letter-list">
          {detail.letters.map((l) => (
            <li key={l.id}>
              <button type="button" className="link-button" onClick={() => void open(l.id)}>
                {t(`letters.kinds.${l.kind}`)} ({l.language.toUpperCase()}) · {l.recipient}
              </button>{' '}
              <span className="muted">
                {formatDateTime(l.createdAt, i18n.language)}
                {l.createdBy && <> · {l.createdBy}</>}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('letters.none')}</p>
      )}
      <form onSubmit={create} className="letter-form">
        <SelectField
          label={t('letters.kind')}
          value={kind}
          onChange={setKind}
          options={kinds.map((k) => [k, t(`letters.kinds.${k}`)] as const)}
        />
        <SelectField
          label={t('letters.language')}
          value={language}
          onChange={setLanguage}
          options={LETTER_LANGUAGES.map((l) => [l, t(`advice.languages.${l}`)] as const)}
        />
        <Field
          label={t('letters.recipient')}
          value={recipient}
          onChange={(e) => setRecipient(e.target.value)}
          hint={t('letters.disclosureHint')}
          required
        />
        <button type="submit" disabled={!recipient.trim()}>
          {t('letters.create')}
        </button>
      </form>
      <ErrorBanner error={error} />
    </section>
  );
}
