import type { ReactNode } from 'react';

/** A tab list and its one panel (WAI-ARIA tabs): the way an area splits into views. */
export function Tabs<T extends string>({
  tabs,
  label,
  labelOf,
  selected,
  onSelect,
  children,
}: {
  tabs: readonly T[];
  label: string;
  labelOf: (tab: T) => string;
  selected: T;
  onSelect: (tab: T) => void;
  children: ReactNode;
}) {
  return (
    <>
      <div className="tabs no-print" role="tablist" aria-label={label}>
        {tabs.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={selected === id}
            aria-controls={`panel-${id}`}
            onClick={() => onSelect(id)}
          >
            {labelOf(id)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${selected}`} aria-labelledby={`tab-${selected}`}>
        {children}
      </div>
    </>
  );
}
