import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import {
  LETTER_KINDS,
  LETTER_LANGUAGES,
  LETTER_PLACEHOLDERS,
  type LetterKind,
  type LetterLanguage,
  type LetterTemplate,
} from '../../../../shared/contract/letters';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SelectField } from '../../components/SelectField';
import { formatDateTime } from '../../format';
import { api } from '../../api';

type Template = LetterTemplate & { defaultBody: string };

/** The county's own wording of the letters to guardians, in Finnish and Swedish. */
export function LetterTemplates({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const bodyId = useId();
  const helpId = useId();
  const [templates, setTemplates] = useState<Template[]>([]);
  const [kind, setKind] = useState<LetterKind>('RECEIPT_NOTICE');
  const [language, setLanguage] = useState<LetterLanguage>('fi');
  const [body, setBody] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saved, setSaved] = useState('');
  const current = templates.find((x) => x.kind === kind && x.language === language);

  useEffect(() => {
    void api.letters.templates().then((r) => (r.ok ? setTemplates(r.value) : setError(r.error)));
  }, []);
  useEffect(() => {
    setBody(current?.body ?? '');
    setSaved('');
  }, [current]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const result = await api.letters.saveTemplate({ kind, language, body });
    if (!result.ok) return setError(result.error);
    setTemplates(result.value);
    setSaved(t('common.saved'));
  };

  return (
    <section className="panel" aria-labelledby="templates-heading">
      <h2 id="templates-heading">{t('letters.templatesTitle')}</h2>
      <form onSubmit={save} className="template-form">
        <div className="directory-filters">
          <SelectField
            label={t('letters.kind')}
            value={kind}
            onChange={setKind}
            options={LETTER_KINDS.map((k) => [k, t(`letters.kinds.${k}`)] as const)}
          />
          <SelectField
            label={t('letters.language')}
            value={language}
            onChange={setLanguage}
            options={LETTER_LANGUAGES.map((l) => [l, t(`advice.languages.${l}`)] as const)}
          />
        </div>
        <div className="field">
          <label htmlFor={bodyId}>{t('letters.body')}</label>
          <textarea
            id={bodyId}
            rows={16}
            value={body}
            readOnly={!canEdit}
            aria-describedby={helpId}
            onChange={(e) => setBody(e.target.value)}
            spellCheck
            lang={language}
          />
          <p className="hint" id={helpId}>
            {t('letters.placeholdersHelp', { list: LETTER_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ') })}
          </p>
        </div>
        <p className="muted">
          {current?.updatedAt
            ? t('letters.edited', { when: formatDateTime(current.updatedAt, i18n.language) })
            : t('letters.builtIn')}
        </p>
        <ErrorBanner error={error} />
        {canEdit && (
          <div className="button-row">
            <button type="submit" className="primary" disabled={body === current?.body}>
              {t('common.save')}
            </button>
            <button type="button" onClick={() => setBody(current?.defaultBody ?? '')}>
              {t('letters.restoreDefault')}
            </button>
          </div>
        )}
        <p role="status" className="saved">
          {saved}
        </p>
      </form>
    </section>
  );
}
