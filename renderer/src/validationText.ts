/**
 * The main process names the field and the problem in English ("Invalid input: receivedAt: is in the
 * future; ..."), which is also what the CLI and the logs show. The UI says the same in the user's
 * language: known fields and problems are translated, anything else is shown as it came.
 */
import type { TFunction } from 'i18next';
import { INVALID_INPUT_PREFIX } from '../../shared/errors';

/** The main process's wording of a problem -> its key under `validation.reasons`. */
const REASONS: readonly (readonly [RegExp, string])[] = [
  [/^required$|^Too small: expected string to have >=1 characters?$/, 'required'],
  [/^is in the future$/, 'future'],
  [/^a reason is required$/, 'reasonRequired'],
  [/^choose (a|the) regional assessment team$/, 'chooseTeam'],
  [/^choose the designated worker$/, 'chooseDesignatedWorker'],
  [/^choose the services the family was guided to$/, 'chooseServices'],
  [/^is not in the chosen team$/, 'notInTeam'],
  [/^no such active social worker$/, 'noSuchWorker'],
  [/^no such case$/, 'noSuchCase'],
  [/^not a Finnish personal identity code/, 'hetuFormat'],
  [/^the identity code has an impossible birth date$/, 'hetuDate'],
  [/^the identity code gives a birth date in the future$/, 'hetuFuture'],
  [/^the identity code has an invalid individual number$/, 'hetuIndividual'],
  [/^the identity code.s check character is wrong$/, 'hetuChecksum'],
  [/^is before the notification was received$/, 'beforeReceived'],
  [/^is before the decision/, 'beforeDecision'],
  [/^the summary \(yhteenveto\) is required$/, 'summaryRequired'],
  [/^who is the letter to$/, 'recipientRequired'],
  [/^the letter needs its text$/, 'letterText'],
  [/^use only the placeholders/, 'placeholders'],
  [/^say what the export is for$/, 'purposeRequired'],
  [/^at least 10 characters$/, 'passwordLength'],
  [/^too easy to guess/, 'passwordWeak'],
  [/^the passphrases differ$/, 'passphrasesDiffer'],
  [/^must not be before from$|^(the range )?ends before it starts$/, 'endBeforeStart'],
  [/^contains control characters$/, 'controlCharacters'],
  [/^"(?<value>.*)" is not a municipality of this county$/, 'unknownMunicipality'],
  [/^(?<value>.+) is not an active service in the directory$/, 'inactiveService'],
  [/^this worker already has an absence overlapping these dates$/, 'absenceOverlaps'],
  [/^required when changing a published roster$/, 'publishedReason'],
  [/^must be above 0$|^must be at most 1$/, 'fteRange'],
  [/^a held meeting cannot be in the future$/, 'heldInFuture'],
  [/^say who took part$/, 'whoTookPart'],
  [/^say what was shared$/, 'whatShared'],
  [/^choose a service or name the professional$/, 'partnerRequired'],
  [/^not an active counsellor or social worker$/, 'notPairRole'],
  [/^is the responsible social worker$/, 'pairIsResponsible'],
  [/^not a service in use in the directory$/, 'serviceNotInUse'],
  [/^not a date-time/, 'notDateTime'],
];

function fieldName(path: string, t: TFunction): string {
  return path
    .split('.')
    .map((segment) =>
      /^\d+$/.test(segment)
        ? String(Number(segment) + 1)
        : t(`validation.fields.${segment}`, { defaultValue: segment }),
    )
    .join(' › ');
}

function reasonText(reason: string, t: TFunction): string {
  for (const [pattern, key] of REASONS) {
    const match = pattern.exec(reason);
    if (match) return t(`validation.reasons.${key}`, { ...match.groups, defaultValue: reason });
  }
  return reason;
}

/** "Invalid input: a: x; b: y" in the user's language; other messages unchanged. */
export function localizeInvalidInput(message: string, t: TFunction): string {
  return message.startsWith(INVALID_INPUT_PREFIX)
    ? localizeFieldErrors(message.slice(INVALID_INPUT_PREFIX.length), t)
    : message;
}

/**
 * "a: x; b: y" (a form's or an import line's problems) in the user's language. An import names the
 * file's columns, which stay as they are in the file (docs/formats.md).
 */
export function localizeFieldErrors(list: string, t: TFunction, options = { fieldNames: true }): string {
  return list
    .split('; ')
    .map((part) => {
      const colon = part.indexOf(': ');
      if (colon < 0 || /\s/.test(part.slice(0, colon))) return reasonText(part, t);
      const field = part.slice(0, colon);
      return `${options.fieldNames ? fieldName(field, t) : field}: ${reasonText(part.slice(colon + 2), t)}`;
    })
    .join('; ');
}
