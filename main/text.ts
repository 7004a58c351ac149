import i18next, { type TFunction } from 'i18next';
import type { Language } from '../shared/contract';
import { resources } from '../shared/i18n';

const mainI18n = i18next.createInstance();
void mainI18n.init({ resources, lng: 'fi', fallbackLng: 'fi', initImmediate: false, showSupportNotice: false });

/** Main-process text (menus, notifications, exported files) in the UI's current language. */
export function mainText(language: Language): TFunction {
  return mainI18n.getFixedT(language);
}
