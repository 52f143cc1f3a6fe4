import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

/**
 * A modal on the native <dialog>: the browser keeps focus inside, makes the
 * page behind inert and closes on Escape (unless `dismissible` is false).
 */
export function Dialog(props: { title: string; onClose?: () => void; dismissible?: boolean; children: ComponentChildren; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    return () => dialog.close();
  }, []);
  const onCancel = (event: Event) => {
    event.preventDefault();
    if (props.dismissible !== false) props.onClose?.();
  };
  return (
    <dialog ref={ref} class={props.wide ? 'dialog dialog-wide' : 'dialog'} aria-labelledby={titleId} onCancel={onCancel}>
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
    </dialog>
  );
}
