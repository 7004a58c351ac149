import { useCallback, useEffect, useLayoutEffect, useRef, useState, type TableHTMLAttributes } from 'react';

/**
 * The app's data table, in a box that scrolls sideways when the table is wider than the screen leaves it
 * (1024 x 768, long Swedish words), so that a table never widens the page (issue 21 item 6). While it
 * scrolls, the box is a tab stop named by the table's caption, so the keyboard scrolls it too (WCAG 2.1.1).
 */
export function ScrollTable({ className, children, ...table }: TableHTMLAttributes<HTMLTableElement>) {
  const box = useRef<HTMLDivElement>(null);
  // The caption's text while the box scrolls, null while the table fits (a string: no re-render when unchanged).
  const [scrolls, setScrolls] = useState<string | null>(null);
  const check = useCallback(() => {
    const el = box.current;
    if (!el) return;
    setScrolls(
      el.scrollWidth > el.clientWidth + 1
        ? (el.querySelector('caption')?.textContent ?? el.querySelector('table')?.getAttribute('aria-label') ?? '')
        : null,
    );
  }, []);
  // After every render and before it is painted (new rows can widen the table): never a moment in which the
  // box scrolls without being a tab stop. Later size changes (the window, the pane) come from the observer.
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
    <div
      ref={box}
      className="table-scroll"
      {...(scrolls !== null ? { tabIndex: 0, role: 'region', 'aria-label': scrolls } : {})}
    >
      <table className={className ? `data-table ${className}` : 'data-table'} {...table}>
        {children}
      </table>
    </div>
  );
}
