/**
 * Why client data was used, as the audit log records it (703/2023 § 10) and as the family's access log
 * says it: the fixed purposes the app logs, each with its key under `accessLog.purposes` in the strings
 * files. A lead's own words (an export's purpose) are not among them and are shown as typed.
 */
export const ACCESS_LOG_PURPOSE = 'access-log report to the client (703/2023 § 11)';
/** A disclosure to a partner of the assessment (issue 22 item 3); its recipient and basis are in the entry. */
export const DISCLOSURE_TO_PARTNER = 'disclosure to a partner of the assessment';

const PURPOSE_KEYS: Record<string, string> = {
  'case detail': 'caseDetail',
  'case queue': 'caseQueue',
  'deadline monitoring': 'deadlineMonitoring',
  'disclosure to the guardian': 'disclosureToGuardian',
  'duplicate check at registration': 'duplicateCheck',
  'siblings in the same notification': 'siblings',
  'case print': 'casePrint',
  'meeting calendar': 'meetingCalendar',
  [DISCLOSURE_TO_PARTNER]: 'partnerDisclosure',
  'meeting calendar export': 'meetingCalendarExport',
  letter: 'letter',
  'workload balancing': 'workloadBalancing',
  'seven-day list': 'sevenDayList',
  [ACCESS_LOG_PURPOSE]: 'accessLogReport',
};

/**
 * The purpose in the reader's words through `t`, or as logged when it is a lead's own; a disclosure to a
 * partner names its recipient and basis.
 */
export function purposeText(
  purpose: string | null,
  t: (key: string, values?: Record<string, string>) => string,
  disclosedTo?: { recipient: string; basis: string } | null,
): string {
  if (!purpose) return '';
  const key = PURPOSE_KEYS[purpose];
  const text = key ? t(`accessLog.purposes.${key}`) : purpose;
  if (!disclosedTo) return text;
  return t('accessLog.disclosedTo', {
    purpose: text,
    recipient: disclosedTo.recipient,
    basis: t(`accessLog.bases.${disclosedTo.basis}`),
  });
}
