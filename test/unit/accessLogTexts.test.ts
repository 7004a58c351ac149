/**
 * The access log's action names in the reader's language: they are flat keys with a dot ("cases.read"), so a
 * nested object under the same first word ("cases": {...}) would hide every one of them from i18next.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../shared/i18n';

const i18n = i18next.createInstance();
await i18n.init({ resources, lng: 'fi', interpolation: { escapeValue: false } });

describe('access-log action texts', () => {
  for (const language of ['fi', 'sv', 'en'] as const) {
    it(`resolves every action in ${language}`, () => {
      const actions = (resources[language].translation as { accessLog: { actions: Record<string, unknown> } }).accessLog
        .actions;
      const t = i18n.getFixedT(language);
      expect(Object.keys(actions).length).toBeGreaterThan(30);
      for (const [action, text] of Object.entries(actions)) {
        expect(typeof text, action).toBe('string');
        expect(t(`accessLog.actions.${action}`), action).toBe(text);
      }
      expect(t('accessLog.actions.cases.read')).not.toBe('accessLog.actions.cases.read');
      expect(t('accessLog.actions.assessment.holdHandover')).not.toBe('accessLog.actions.assessment.holdHandover');
    });
  }
});
