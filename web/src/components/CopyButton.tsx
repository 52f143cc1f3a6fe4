import { useApp } from '../context';

/** Copies `text` to the clipboard and says so; where the clipboard is refused, says to select the text. */
export function CopyButton(props: { text: string; label: string }) {
  const { t, announce } = useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      announce(t('settings.copied'));
    } catch {
      announce(t('settings.copyFailed'));
    }
  };
  return (
    <button type="button" class="button button-small" onClick={copy}>
      {props.label}
    </button>
  );
}

/** A value to copy (a link, a secret): shown left-to-right, selectable, with its copy button. */
export function CopyRow(props: { text: string; label: string; copyLabel: string }) {
  return (
    <div class="copy-row">
      <code dir="ltr" aria-label={props.label}>
        {props.text}
      </code>
      <CopyButton text={props.text} label={props.copyLabel} />
    </div>
  );
}
