/**
 * Why client data was used, as the audit log records it (703/2023 § 10) and as the family's access log
 * says it: the fixed purposes the app logs, each with its key under `accessLog.purposes` in the strings
 * files. A lead's own words (an export's purpose) are not among them and are shown as typed.
 */
export const ACCESS_LOG_PURPOSE = 'access-log report to the client (703/2023 § 11)';

const PURPOSE_KEYS: Record<string, string> = {
  'case detail': 'caseDetail',
  'case queue': 'caseQueue',
  'deadline monitoring': 'deadlineMonitoring',
  'disclosure to the guardian': 'disclosureToGuardian',
  'duplicate check at registration': 'duplicateCheck',
  'siblings in the same notification': 'siblings',
  'case print': 'casePrint',
  'meeting calendar': 'meetingCalendar',
  'meeting calendar export': 'meetingCalendarExport',
  letter: 'letter',
  'workload balancing': 'workloadBalancing',
  [ACCESS_LOG_PURPOSE]: 'accessLogReport',
};

/** The purpose in the reader's words through `t`, or as logged when it is a lead's own. */
export function purposeText(purpose: string | null, t: (key: string) => string): string {
  if (!purpose) return '';
  const key = PURPOSE_KEYS[purpose];
  return key ? t(`accessLog.purposes.${key}`) : purpose;
}
