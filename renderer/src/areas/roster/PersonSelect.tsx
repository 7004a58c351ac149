import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../shared/contract/roster';
import { SelectField } from '../../components/SelectField';

/** Choosing the worker a form is about (an absence, a wish): required, no one preselected. */
export function PersonSelect({
  people,
  value,
  onChange,
}: {
  people: readonly Staff[];
  value: string;
  onChange: (staffId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('roster.person')}
      value={value}
      onChange={onChange}
      empty={{ label: t('roster.choose'), selectable: false }}
      options={people.map((s) => [s.id, s.name] as const)}
      required
    />
  );
}
