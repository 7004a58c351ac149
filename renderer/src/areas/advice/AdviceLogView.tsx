import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdviceToday } from '../../../../shared/contract';
import { ADVICE_CHANNELS, ADVICE_GUIDED_TO, ADVICE_LANGUAGES, ADVICE_TOPICS } from '../../../../shared/caseTypes';
import type { ErrorPayload, Result } from '../../../../shared/errors';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../format';
import { useApp } from '../../state/appStore';
import { api } from '../../api';
import { FeedbackForm } from './FeedbackForm';

type Channel = (typeof ADVICE_CHANNELS)[number];
type Language = (typeof ADVICE_LANGUAGES)[number];
type Topic = (typeof ADVICE_TOPICS)[number];

/** Two clicks per advice contact: the topic, then where the caller was guided (which saves). */
export function AdviceLogView() {
  const { t, i18n } = useTranslation();
  const uiLanguage = useApp((s) => s.language);
  const [channel, setChannel] = useState<Channel>('PHONE');
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [topic, setTopic] = useState<Topic | null>(null);
  const [state, setState] = useState<AdviceToday | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);

  const apply = (result: Result<AdviceToday>, success: string) => {
    if (!result.ok) return setError(result.error);
    setError(null);
    setState(result.value);
    setMessage(success);
  };
  useEffect(() => {
    void api.advice.today().then((r) => (r.ok ? setState(r.value) : setError(r.error)));
  }, []);

  const save = async (guidedTo: (typeof ADVICE_GUIDED_TO)[number]) => {
    if (!topic) return;
    const result = await api.advice.log({ channel, language, topic, guidedTo });
    apply(result, t('advice.saved', { topic: t(`advice.topics.${topic}`), guided: t(`advice.guided.${guidedTo}`) }));
    if (result.ok) setTopic(null);
  };

  const group = <T extends string>(
    label: string,
    values: readonly T[],
    selected: T | null,
    pick: (v: T) => void,
    labelOf: (v: T) => string,
    disabled = false,
  ) => (
    <div className="choice-group" role="group" aria-label={label}>
      <h2>{label}</h2>
      <div className="choices">
        {values.map((v) => (
          <button key={v} type="button" aria-pressed={selected === v} onClick={() => pick(v)} disabled={disabled}>
            {labelOf(v)}
          </button>
        ))}
      </div>
    </div>
  );

  return (
    <div className="advice-log">
      <p className="muted">{t('advice.intro')}</p>
      <div className="advice-settings">
        {group(t('advice.channel'), ADVICE_CHANNELS, channel, setChannel, (v) => t(`advice.channels.${v}`))}
        {group(t('advice.language'), ADVICE_LANGUAGES, language, setLanguage, (v) => t(`advice.languages.${v}`))}
      </div>
      {group(t('advice.topic'), ADVICE_TOPICS, topic, setTopic, (v) => t(`advice.topics.${v}`))}
      <div className={topic ? '' : 'inactive'}>
        {group(
          t('advice.guidedTo'),
          ADVICE_GUIDED_TO,
          null,
          (v) => void save(v),
          (v) => t(`advice.guided.${v}`),
          !topic,
        )}
        {!topic && <p className="muted">{t('advice.chooseTopic')}</p>}
      </div>
      <p role="status" className="saved">
        {message}
      </p>
      <ErrorBanner error={error} />
      {state && <p className="muted">{t('advice.today', { count: state.today })}</p>}
      {state && (
        <section className="panel">
          <h2>{t('advice.mine')}</h2>
          {state.mine.length === 0 ? (
            <p className="muted">{t('advice.none')}</p>
          ) : (
            <ul className="advice-entries">
              {state.mine.map((m) => (
                <li key={m.id}>
                  <span className="muted">{formatDateTime(m.at, i18n.language)}</span> {t(`advice.topics.${m.topic}`)} →{' '}
                  {t(`advice.guided.${m.guidedTo}`)} · {t(`advice.channels.${m.channel}`)}
                  {m.undoable && (
                    <button
                      type="button"
                      onClick={() => void api.advice.undo({ id: m.id }).then((r) => apply(r, t('advice.undone')))}
                    >
                      {t('advice.undo')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <FeedbackForm />
    </div>
  );
}
