import { Dialog } from './Dialog';

/** Asks before something that cannot be undone (a delete): the question, a confirming and a cancelling button. */
export function ConfirmDialog(props: { title: string; text: string; confirm: string; cancel: string; onConfirm(): void; onClose(): void }) {
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <p>{props.text}</p>
      <div class="form-actions">
        <button type="button" class="button button-primary" onClick={props.onConfirm}>
          {props.confirm}
        </button>
        <button type="button" class="button" onClick={props.onClose}>
          {props.cancel}
        </button>
      </div>
    </Dialog>
  );
}
