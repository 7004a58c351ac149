import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Are you sure?" in place (an alertdialog): the question, the action and cancel. Focus starts on
 * cancel for what cannot be undone, on the action for a step that is only being confirmed.
 */
export function ConfirmBar({
  question,
  confirmLabel,
  onConfirm,
  onCancel,
  focus = 'cancel',
  className = '',
}: {
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  focus?: 'confirm' | 'cancel';
  className?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={`banner banner-info ${className}`.trim()} role="alertdialog" aria-labelledby={id}>
      <p id={id}>{question}</p>
      <div className="button-row">
        <button type="button" autoFocus={focus === 'confirm'} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" autoFocus={focus === 'cancel'} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
