import type { Schemas } from '../../api/client';
import { knownKey, type Translate } from '../../i18n/i18n';

export type Message = Schemas['MessageDto'];
export type TemplateKey = Schemas['TemplateDto']['key'];
export const CHANNELS = ['email', 'sms'] as const;
export const STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'bounced', 'suppressed'] as const;

export const channelLabel = (t: Translate, channel: Message['channel']) => t(`notifications.channel.${channel}`);
export const statusLabel = (t: Translate, status: Message['status']) => t(`notifications.status.${status}`);
export const kindLabel = (t: Translate, kind: Message['kind']) => t(`notifications.kind.${kind}`);
/** A template key's name; a key this dashboard does not know yet shows as the API names it. */
export function templateLabel(t: Translate, key: string): string {
  const known = knownKey(`notifications.key.${key}`);
  return known ? t(known) : key;
}

/** Failed and bounced messages can be sent again. */
export const retryable = (m: Pick<Message, 'status'>) => m.status === 'failed' || m.status === 'bounced';

export function StatusBadge(props: { t: Translate; status: Message['status'] }) {
  return <span class={`badge status-${props.status}`}>{statusLabel(props.t, props.status)}</span>;
}
