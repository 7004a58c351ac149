import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { helsinkiDate } from '../../../../shared/dates';
import { nameIn } from '../../../../shared/names';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { api } from '../../api';

const QUESTIONS = ['helped', 'heard', 'clear'] as const;
const SCORES = ['1', '2', '3', '4', '5'] as const;
type Score = (typeof SCORES)[number];

/**
 * A family's answers to the customer feedback of an assessment (issue 22 item 7), typed in from paper or a
 * message: the team's code from the request, the day, three scores. Nothing names the family.
 */
export function FeedbackForm() {
  const { t, i18n } = useTranslation();
  const today = helsinkiDate(new Date());
  const empty = {
    code: '',
    answeredOn: today,
    helped: '' as Score | '',
    heard: '' as Score | '',
    clear: '' as Score | '',
  };
  const [draft, setDraft] = useState(empty);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saved, setSaved] = useState('');

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft.helped || !draft.heard || !draft.clear) return;
    setSaved('');
    const result = await api.assessment.recordFeedback({
      code: draft.code,
      answeredOn: draft.answeredOn,
      helped: Number(draft.helped),
      heard: Number(draft.heard),
      clear: Number(draft.clear),
    });
    if (!result.ok) return setError(result.error);
    setError(null);
    setDraft({ ...empty, answeredOn: draft.answeredOn });
    setSaved(t('feedback.saved', { team: nameIn(result.value.team, i18n.language) }));
  };
  return (
    <section className="panel" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">{t('feedback.heading')}</h2>
      <p className="hint">{t('feedback.intro')}</p>
      <form onSubmit={save}>
        <div className="meeting-form-row">
          <Field
            label={t('feedback.code')}
            value={draft.code}
            onChange={(e) => setDraft({ ...draft, code: e.target.value })}
            required
          />
          <Field
            label={t('feedback.answeredOn')}
            type="date"
            max={today}
            value={draft.answeredOn}
            onChange={(e) => setDraft({ ...draft, answeredOn: e.target.value })}
            required
          />
        </div>
        <div className="meeting-form-row">
          {QUESTIONS.map((q) => (
            <SelectField<Score>
              key={q}
              label={t(`feedback.${q}`)}
              value={draft[q]}
              onChange={(v) => setDraft({ ...draft, [q]: v })}
              empty={{ label: '–', selectable: false }}
              options={SCORES.map((s) => [s, t(`feedback.score${s}`)] as const)}
              required
            />
          ))}
        </div>
        <button type="submit">{t('feedback.save')}</button>
      </form>
      <p role="status" className="saved">
        {saved}
      </p>
      <ErrorBanner error={error} />
    </section>
  );
}
