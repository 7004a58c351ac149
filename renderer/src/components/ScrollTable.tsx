import { useCallback, useEffect, useLayoutEffect, useRef, type TableHTMLAttributes } from 'react';

/**
 * The app's data table, in a box that scrolls sideways when the table is wider than the screen leaves it
 * (1024 x 768, long Swedish words), so that a table never widens the page (issue 21 item 6). While it
 * scrolls, the box is a tab stop named by the table's caption, so the keyboard scrolls it too (WCAG 2.1.1).
 */
export function ScrollTable({ className, children, ...table }: TableHTMLAttributes<HTMLTableElement>) {
  const box = useRef<HTMLDivElement>(null);
  // The box's tab stop is set on the element itself, in the same task as the measurement: through React state
  // it came a render later, and in between (after a resize or a language change) the box scrolled without
  // being focusable, which axe caught on the Swedish settings page at 1024 px.
  const check = useCallback(() => {
    const el = box.current;
    if (!el) return;
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
      const caption = el.querySelector('caption')?.textContent ?? el.querySelector('table')?.getAttribute('aria-label');
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', caption ?? '');
    } else {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
    }
  }, []);
  // After every render and before it is painted (new rows can widen the table); later size changes (the
  // window, the pane, fonts) come from the observer.
  useLayoutEffect(check);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(check);
    observer.observe(el);
    const tableEl = el.querySelector('table');
    if (tableEl) observer.observe(tableEl);
    return () => observer.disconnect();
  }, [check]);
  return (
    <div ref={box} className="table-scroll">
      <table className={className ? `data-table ${className}` : 'data-table'} {...table}>
        {children}
      </table>
    </div>
  );
}
