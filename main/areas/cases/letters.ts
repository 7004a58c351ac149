/**
 * Letters to the child's guardians: the notice that a notification was received and what happens next
 * (THL handbook: within the 7 working days), the decision letter, the child's own notice, the assessment's
 * summary and the notice that child welfare support started the client relationship. Each is made from the county's
 * template in Finnish or Swedish, stored with the case as the very PDF that was disclosed, and logged as a
 * disclosure (Asiakastietolaki 703/2023 § 10) in the same transaction.
 */
import {
  CHILD_NOTICE_MIN_AGE,
  childOldEnough,
  LETTER_KINDS,
  LETTER_LANGUAGES,
  type LetterKind,
  type LetterLanguage,
  type LetterTemplate,
} from '../../../shared/contract/letters';
import { isChildWelfareType } from '../../../shared/caseTypes';
import { helsinkiDate, parseLocalDate } from '../../../shared/dates';
import { LuukkuError } from '../../../shared/errors';
import type { Context } from '../../app/context';
import { CaseOutOfScope, requireCaseAccess } from './caseAccess';
import { findUser } from '../team/userQueries';
import { findLetter, insertEvents, insertLetter, letterTemplateRows, saveTemplateRow } from './recordQueries';
import { documentPdf } from './letterPdf';
import { feedbackCode } from '../assessment/feedback';
import { DEFAULT_TEMPLATES, fillTemplate } from './letterTemplates';
import { readCase } from './queries';
import { childName, readCaseDetail } from './cases';
import type { CaseDetail } from '../../../shared/contract/cases';
import { readSettings } from '../settings/queries';
import { mainText } from '../../text';
import { nameIn } from '../../../shared/names';

/** Finnish and Swedish in Finland both write dates as d.m.yyyy. */
function letterDate(date: string | null): string {
  if (!date) return '';
  const { year, month, day } = parseLocalDate(date);
  return `${day}.${month}.${year}`;
}

export async function letterTemplates(core: Context): Promise<(LetterTemplate & { defaultBody: string })[]> {
  const stored = await letterTemplateRows(core.db);
  return LETTER_KINDS.flatMap((kind) =>
    LETTER_LANGUAGES.map((language) => {
      const row = stored.find((s) => s.kind === kind && s.language === language);
      const defaultBody = DEFAULT_TEMPLATES[kind][language];
      return { kind, language, body: row?.body ?? defaultBody, updatedAt: row?.updated_at ?? null, defaultBody };
    }),
  );
}

export async function saveLetterTemplate(
  core: Context,
  input: { kind: LetterKind; language: LetterLanguage; body: string },
): Promise<void> {
  const now = core.now().toISOString();
  const actor = core.actor()!;
  await core.transact(
    { actor, action: 'letters.saveTemplate', details: { kind: input.kind, language: input.language } },
    (trx) => saveTemplateRow(trx, { ...input, at: now, by: actor.id }),
  );
}

export async function createLetter(
  core: Context,
  input: { caseId: string; kind: LetterKind; language: LetterLanguage; recipient: string },
): Promise<CaseDetail> {
  await requireCaseAccess(core, core.db, input.caseId);
  const found = (await readCase(core.db, input.caseId))!;
  const c = found.row;
  if (input.kind === 'DECISION' && !c.decision)
    throw new LuukkuError('WRONG_STATE', 'There is no decision yet: the decision letter follows the decision.');
  if (input.kind === 'CHILD_NOTICE' && !childOldEnough(c.child_birth_date, helsinkiDate(core.now())))
    throw new LuukkuError(
      'WRONG_STATE',
      `The child's own notice is for a child of ${CHILD_NOTICE_MIN_AGE} or more, with a recorded birth date.`,
    );
  const summary = found.summary;
  if (input.kind === 'SUMMARY' && !summary)
    throw new LuukkuError('WRONG_STATE', 'There is no summary yet: write it first.', undefined, 'noSummaryYet');
  const childWelfareSupports = found.supports.filter((s) => Number(s.child_welfare) === 1);
  if (input.kind === 'SUPPORT_NOTICE' && childWelfareSupports.length === 0)
    throw new LuukkuError(
      'WRONG_STATE',
      'No child welfare support has been started: the notice follows the support (LsL 27 §).',
      undefined,
      'noChildWelfareSupport',
    );
  if (input.kind === 'FEEDBACK_REQUEST' && !(c.assessment_completed_date && c.assigned_team_id))
    throw new LuukkuError(
      'WRONG_STATE',
      'Feedback is asked after the assessment is completed.',
      undefined,
      'feedbackAfterCompletion',
    );
  const t = mainText(input.language);
  const actor = core.actor()!;
  const now = core.now();
  const author = await findUser(core.db, actor.id);
  const template = (await letterTemplates(core)).find((x) => x.kind === input.kind && x.language === input.language)!;
  const body = fillTemplate(template.body, {
    county: (await readSettings(core.db)).countyName,
    recipient: input.recipient,
    child: childName(c.child_first_name, c.child_last_name) ?? t('letters.unbornChild'),
    childBirthDate: letterDate(c.child_birth_date ?? c.expected_birth_date),
    receivedDate: letterDate(c.received_date),
    startDue: letterDate(c.start_due),
    completeDue: letterDate(c.complete_due),
    statute: t(isChildWelfareType(c.type) ? 'letters.statute.childWelfare' : 'letters.statute.socialWelfare'),
    decision: c.decision ? t(`decisions.${c.decision}`) : '',
    decisionDate: letterDate(c.decision_date),
    decisionReason: c.decision_reason ?? '',
    services: found.guidedTo.map((s) => nameIn(s.name, input.language)).join(', '),
    team: nameIn(c.assigned_team ?? '', input.language),
    urgentNote: c.decision === 'URGENT' ? t('letters.urgentNote', { completeDue: letterDate(c.complete_due) }) : '',
    worker: author?.display_name ?? actor.name,
    today: letterDate(helsinkiDate(now)),
    situation: summary?.situation ?? '',
    childView: summary?.child_view ?? '',
    supportNeed: summary?.support_need ?? '',
    servicesAgreed: summary?.services_agreed ?? '',
    childWelfareConclusion:
      summary?.child_welfare_needed == null
        ? ''
        : t(
            Number(summary.child_welfare_needed) === 1 ? 'letters.childWelfareNeeded' : 'letters.childWelfareNotNeeded',
          ),
    supports: childWelfareSupports.map((s) => nameIn(s.name, input.language)).join(', '),
    feedbackCode:
      c.assessment_completed_date && c.assigned_team_id
        ? feedbackCode(c.assigned_team_id, Number(c.assessment_completed_date.slice(0, 4)))
        : '',
    clientSince: letterDate(childWelfareSupports.map((s) => s.started_date).sort()[0] ?? null),
  });
  const pdf = await documentPdf({ title: t(`letters.kinds.${input.kind}`), language: input.language, body, now });
  // The case with its new letter comes back under the disclosure's own entry, not a second read.
  // The PDF is rendered outside the unit so the store's write lock is not held while it is drawn; inside it,
  // the access check runs again and the case must still be what the letter says, or nothing is stored.
  return core.unitOfWork(async ({ trx, audit }) => {
    const viewer = await requireCaseAccess(core, trx, input.caseId);
    if (JSON.stringify(await readCase(trx, input.caseId)) !== JSON.stringify(found))
      throw new LuukkuError(
        'CONFLICT',
        'The case changed while the letter was being made, so the letter was not stored. Make it again.',
      );
    const id = await insertLetter(trx, {
      case_id: input.caseId,
      kind: input.kind,
      language: input.language,
      recipient: input.recipient,
      created_at: now.toISOString(),
      created_by: actor.id,
      pdf,
    });
    await insertEvents(trx, [
      {
        case_id: input.caseId,
        at: now.toISOString(),
        user_id: actor.id,
        kind: 'LETTER',
        data: JSON.stringify({ letterId: id, kind: input.kind, language: input.language }),
      },
    ]);
    audit({
      actor,
      action: 'letters.create',
      purpose: 'disclosure to the guardian',
      caseId: input.caseId,
      details: { letterId: id, kind: input.kind, language: input.language },
    });
    return readCaseDetail(core, trx, viewer, input.caseId);
  });
}

/** The stored PDF, as disclosed; opening it again is a use of client data and is logged. */
export async function readLetter(core: Context, id: number): Promise<{ fileName: string; pdfBase64: string }> {
  const letter = await findLetter(core.db, id);
  // A letter id that does not exist is answered like one of a case outside the caller's scope.
  if (!letter) throw new CaseOutOfScope(undefined);
  await core.transact(
    {
      actor: core.actor(),
      action: 'letters.read',
      purpose: 'letter',
      caseId: letter.case_id,
      details: { letterId: id },
    },
    (trx) => requireCaseAccess(core, trx, letter.case_id),
  );
  const date = helsinkiDate(new Date(letter.created_at));
  return {
    fileName: `luukku-${letter.kind.toLowerCase().replace('_', '-')}-${id}-${date}.pdf`,
    pdfBase64: Buffer.from(letter.pdf).toString('base64'),
  };
}
