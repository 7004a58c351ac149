/**
 * The notification being typed, kept when the user leaves the form (Alt+1, a click on the menu) so that
 * nothing typed is lost (issue 21 item 5). It lives in this window's memory only, never on disk, and ends
 * with the sign-in: the next user of a shared workstation does not find it.
 */
import { create } from 'zustand';
import type { CaseType } from '../../../../shared/caseTypes';
import type { Guardian } from '../../../../shared/contract/cases';
import { helsinkiNowForInput } from '../../format';

export type ChildDraft = {
  firstName: string;
  lastName: string;
  hetu: string;
  birthDate: string;
  expectedBirthDate: string;
};

export interface RegisterForm {
  type: CaseType;
  /** Empty until chosen: a hurried entry never records a channel or reporter nobody picked. */
  channel: string;
  receivedAt: string;
  reporterCategory: string;
  reporterContact: string;
  municipalityId: string;
  summary: string;
  children: ChildDraft[];
  guardians: Guardian[];
  linkTo: string | null;
}

export const emptyChild: ChildDraft = { firstName: '', lastName: '', hetu: '', birthDate: '', expectedBirthDate: '' };

export function emptyForm(): RegisterForm {
  return {
    type: 'LSL25',
    channel: '',
    receivedAt: helsinkiNowForInput(),
    reporterCategory: '',
    reporterContact: '',
    municipalityId: '',
    summary: '',
    children: [{ ...emptyChild }],
    guardians: [],
    linkTo: null,
  };
}

/** Whether anything was typed or chosen (the time received is filled in by itself). */
export function hasInput(form: RegisterForm): boolean {
  return JSON.stringify({ ...form, receivedAt: '' }) !== JSON.stringify({ ...emptyForm(), receivedAt: '' });
}

export const useRegisterDraft = create<{ draft: RegisterForm | null }>(() => ({ draft: null }));

export const keepDraft = (form: RegisterForm) => useRegisterDraft.setState({ draft: hasInput(form) ? form : null });
export const resetRegisterDraft = () => useRegisterDraft.setState({ draft: null });
