/**
 * A fact an import compares with Luukku's record (main/areas/cases/importUpdates.ts), in the user's words:
 * codes as their labels, dates and times as Finnish users read them. The import screen lists conflicts with
 * it and the case history shows what an import changed.
 */
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../format';

export function useImportFactText() {
  const { t, i18n } = useTranslation();
  const value = (field: string, raw: string | null): string => {
    if (raw === null || raw === '') return '–';
    const closed = /^closed as ([A-Z_]+)$/.exec(raw);
    if (closed) return t('import.closedAs', { reason: t(`record.closureReasons.${closed[1]}`) });
    switch (field) {
      case 'decision':
        return t(`decisions.${raw}`, { defaultValue: raw });
      case 'concern':
        return t(`record.concerns.${raw}`, { defaultValue: raw });
      case 'urgent':
        return t(raw === 'URGENT' ? 'detail.urgent' : 'detail.notUrgent');
      default:
        return raw.length === 10 ? formatDate(raw, i18n.language) : formatDateTime(raw, i18n.language);
    }
  };
  return {
    field: (field: string) => t(`import.fields.${field}`, { defaultValue: field }),
    value,
  };
}
