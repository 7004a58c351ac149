import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A long list a page at a time (issue 21 item 11: the staff page was 7,400 px long): the first `pageSize`
 * items, and a button for the next page that says how many are left. A new list (a search typed) starts
 * from its first page again.
 */
export function usePaged<T>(items: readonly T[], pageSize: number) {
  const [shown, setShown] = useState(pageSize);
  useEffect(() => setShown(pageSize), [items, pageSize]);
  return {
    visible: items.slice(0, shown),
    left: Math.max(0, items.length - shown),
    showMore: () => setShown((n) => n + pageSize),
  };
}

export function ShowMore({ left, onClick }: { left: number; onClick: () => void }) {
  const { t } = useTranslation();
  if (left === 0) return null;
  return (
    <button type="button" className="show-more" onClick={onClick}>
      {t('common.showMore', { count: left })}
    </button>
  );
}
