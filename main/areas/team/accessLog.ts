/**
 * The client's access-log report (Asiakastietolaki 703/2023 § 11): for one child, every entry of the
 * usage and disclosure log that touched any of the child's cases (found by identity code, or by name and
 * birth date), who it was, when, in what role and for what purpose. Producing it is itself a use of client
 * data and is logged in the same transaction.
 */
import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../../../shared/readerDates';
import type { Language } from '../../../shared/schemas';
import type { AccessLog } from '../../../shared/contract/team';
import { toCsv } from '../../../shared/csv';
import { LuukkuError } from '../../../shared/errors';
import type { Context } from '../../app/context';
import type { Actor } from '../../store/audit';
import { documentPdf } from '../cases/letterPdf';
import type { Transactor } from '../../store/unitOfWork';
import { findExistingCases } from '../cases/queries';
import { caseRow } from '../cases/recordQueries';
import { entriesFor } from './accessLogQueries';
import { readSettings } from '../settings/queries';
import { mainText } from '../../text';
import { childName } from '../cases/cases';
import { ACCESS_LOG_PURPOSE, purposeText } from '../../../shared/accessPurposes';
import type { DisclosureBasis } from '../../../shared/caseTypes';

const helsinkiTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Helsinki',
  dateStyle: 'short',
  timeStyle: 'medium',
});

/** The report for the child of `caseId`; `reader` is who asks (logged), `now` when. */
export async function childAccessLog(
  store: Transactor,
  input: { caseId: string; language: Language },
  reader: { actor: Actor | null; now: Date; format?: 'pdf' },
): Promise<AccessLog> {
  return store.unitOfWork(async ({ trx, audit }) => {
    const child = await caseRow(trx, input.caseId);
    if (!child) throw new LuukkuError('NOT_FOUND', 'No such case.');
    const related = await findExistingCases(trx, {
      hetu: child.child_hetu ?? '',
      firstName: child.child_first_name ?? '',
      lastName: child.child_last_name ?? '',
      birthDate: child.child_birth_date ?? '',
    });
    const cases = [child, ...related.map((r) => r.row).filter((r) => r.id !== child.id)];
    const ids = cases.map((c) => c.id);
    const found = await entriesFor(trx, ids);
    const entries = found.entries;
    // Entries that listed several cases (a queue page, a bulk move, a sibling's case with this one) name
    // which of this child's they showed, never another child's.
    const listed = new Map<number, string[]>();
    for (const r of found.listed) listed.set(r.seq, [...(listed.get(r.seq) ?? []), r.case_id]);
    const own = (id: string | null) => (id && ids.includes(id) ? id : null);
    const rows = entries.map(({ details, ...e }) => ({
      ...e,
      caseId: own(e.caseId) ?? listed.get(e.seq)?.join(' ') ?? null,
      disclosedTo: disclosureOf(e.action, e.outcome, details),
    }));
    audit({
      actor: reader.actor,
      action: 'audit.childAccessLog',
      purpose: ACCESS_LOG_PURPOSE,
      caseIds: ids,
      details: { entries: entries.length, ...(reader.format && { format: reader.format }) },
    });
    const t = mainText(input.language);
    const csv = toCsv([
      [
        t('accessLog.col.time'),
        t('accessLog.col.user'),
        t('accessLog.col.role'),
        t('accessLog.col.action'),
        t('accessLog.col.purpose'),
        t('accessLog.col.case'),
        t('accessLog.col.outcome'),
      ],
      ...rows.map((e) => Object.values(entryText(e, t))),
    ]);
    return {
      child: {
        name: childName(child.child_first_name, child.child_last_name),
        birthDate: child.child_birth_date,
        hetu: child.child_hetu,
      },
      cases: cases.map((c) => ({ id: c.id, type: c.type, receivedDate: c.received_date, status: c.status })),
      entries: rows,
      fileName: `luukku-access-log-${helsinkiTime.format(reader.now).slice(0, 10)}.csv`,
      csv,
    };
  });
}

/** A disclosure's recipient and basis (703/2023 § 10), as its entry recorded them; null for any other entry. */
function disclosureOf(action: string, outcome: string, details: string): AccessLog['entries'][number]['disclosedTo'] {
  if (action !== 'assessment.disclose' || outcome !== 'OK') return null;
  const d = JSON.parse(details) as { recipient?: string; basis?: DisclosureBasis };
  return d.recipient && d.basis ? { recipient: d.recipient, basis: d.basis } : null;
}

/** One entry in the reader's language, as both the CSV and the PDF show it. */
function entryText(e: AccessLog['entries'][number], t: TFunction) {
  return {
    time: helsinkiTime.format(new Date(e.at)),
    user: e.user ? `${e.user} (${e.userName})` : (e.userName ?? ''),
    role: e.role ? t(`roles.${e.role}`) : '',
    action: t(`accessLog.actions.${e.action}`, { defaultValue: e.action }),
    purpose: purposeText(e.purpose, t, e.disclosedTo),
    case: e.caseId ?? '',
    outcome: t(`accessLog.outcomes.${e.outcome}`, { defaultValue: e.outcome }),
  };
}

/**
 * The report as a document for the family, in the reader's words: who, when, what and why, one entry per
 * paragraph; a case by its type and date (not its id), dates as Finns write them, and the same use repeated
 * in a row (a worker paging the queue) as one paragraph with its count and its first and last time.
 */
function accessLogDocument(log: AccessLog, t: TFunction, language: Language, county: string, now: Date): string {
  const time = (at: string | Date) => formatDateTime(at, language);
  const day = (date: string) => formatDate(date, language);
  const caseName = new Map(log.cases.map((c) => [c.id, `${t(`caseTypes.${c.type}`)} ${day(c.receivedDate)}`]));
  const lines = [
    `# ${t('accessLog.pdf.title')}`,
    `${county} · ${t('accessLog.pdf.made', { at: time(now) })}`,
    '',
    t('accessLog.pdf.law'),
    '',
    `${t('accessLog.pdf.child')}: ${log.child.name ?? t('letters.unbornChild')}${log.child.birthDate ? `, ${t('accessLog.pdf.born', { date: day(log.child.birthDate) })}` : ''}`,
    `${t('accessLog.pdf.cases')}: ${[...caseName.values()].join('; ')}`,
    '',
    `# ${t('accessLog.entries', { count: log.entries.length })}`,
  ];
  const said = (e: AccessLog['entries'][number]) => {
    const text = entryText(e, t);
    const what = [
      text.action,
      text.purpose && `${t('accessLog.col.purpose')}: ${text.purpose}`,
      e.caseId ? (caseName.get(e.caseId) ?? e.caseId) : '',
      text.outcome,
    ];
    return { who: `${text.user}${text.role ? `, ${text.role}` : ''}`, what: what.filter(Boolean).join(' · ') };
  };
  for (let i = 0; i < log.entries.length;) {
    const first = log.entries[i]!;
    const { who, what } = said(first);
    let j = i + 1;
    while (j < log.entries.length && said(log.entries[j]!).who === who && said(log.entries[j]!).what === what) j++;
    const last = log.entries[j - 1]!;
    const when =
      j - i > 1
        ? t('accessLog.pdf.repeated', { count: j - i, from: time(first.at), to: time(last.at) })
        : time(first.at);
    lines.push('', `${when} · ${who}`, what);
    i = j;
  }
  return lines.join('\n');
}

/** The same report as a PDF to hand to the family; made and logged like the CSV (with `format: 'pdf'`). */
export async function childAccessLogPdf(
  core: Context,
  input: { caseId: string; language: Language },
): Promise<{ fileName: string; pdfBase64: string }> {
  const now = core.now();
  const log = await childAccessLog(core, input, { actor: core.actor(), now, format: 'pdf' });
  const t = mainText(input.language);
  const county = (await readSettings(core.db)).countyName;
  const pdf = await documentPdf({
    title: t('accessLog.pdf.title'),
    language: input.language,
    body: accessLogDocument(log, t, input.language, county, now),
    now,
  });
  return { fileName: log.fileName.replace(/\.csv$/, '.pdf'), pdfBase64: pdf.toString('base64') };
}

/** Through the app: the signed-in team lead asks. */
export function childAccessLogFor(core: Context, input: { caseId: string; language: Language }): Promise<AccessLog> {
  return childAccessLog(core, input, { actor: core.actor(), now: core.now() });
}
