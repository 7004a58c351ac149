import { useTranslation } from 'react-i18next';
import { Field } from './Field';

export interface LeadAccount {
  displayName: string;
  username: string;
  password: string;
}

/** The first team lead's account: asked at first run, or when a CLI-made store has no users yet. */
export function LeadAccountFields({
  value,
  onChange,
  autoFocus,
}: {
  value: LeadAccount;
  onChange: (v: LeadAccount) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        label={t('setup.leadName')}
        value={value.displayName}
        onChange={(e) => onChange({ ...value, displayName: e.target.value })}
        autoComplete="name"
        required
        autoFocus={autoFocus}
      />
      <Field
        label={t('setup.username')}
        value={value.username}
        onChange={(e) => onChange({ ...value, username: e.target.value })}
        hint={t('setup.usernameHint')}
        autoComplete="username"
        required
      />
      <Field
        label={t('setup.password')}
        type="password"
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.target.value })}
        hint={t('setup.passwordHint')}
        autoComplete="new-password"
        required
      />
    </>
  );
}

export const normalizedLead = (lead: LeadAccount): LeadAccount => ({
  ...lead,
  username: lead.username.trim().toLowerCase(),
});
