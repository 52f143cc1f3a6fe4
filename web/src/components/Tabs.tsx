import type { ComponentChildren } from 'preact';
import { useId, useRef } from 'preact/hooks';

/**
 * WAI-ARIA tabs: one tab stop for the list, arrow keys (mirrored in RTL),
 * Home and End move between tabs; the selected tab's panel follows.
 */
export function Tabs<T extends string>(props: {
  label: string;
  tabs: readonly { id: T; label: string }[];
  selected: T;
  onSelect: (id: T) => void;
  children: ComponentChildren;
}) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  const index = props.tabs.findIndex((tab) => tab.id === props.selected);

  const onKeyDown = (event: KeyboardEvent) => {
    const rtl = getComputedStyle(list.current!).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    let next: number | undefined;
    if (step !== undefined) next = (index + step + props.tabs.length) % props.tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = props.tabs.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    props.onSelect(props.tabs[next].id);
    list.current!.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };

  return (
    <div class="tabs">
      <div class="tab-list" role="tablist" aria-label={props.label} ref={list} onKeyDown={onKeyDown}>
        {props.tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.id}`}
            aria-controls={`${base}-panel`}
            aria-selected={tab.id === props.selected}
            tabIndex={tab.id === props.selected ? 0 : -1}
            class="tab"
            onClick={() => props.onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div class="tab-panel" role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${props.selected}`}>
        {props.children}
      </div>
    </div>
  );
}
