import addressparser from 'nodemailer/lib/addressparser';

/** One mailbox: the address, and the display name when there is one. */
export interface Mailbox {
  address: string;
  name?: string;
}

/** Splits `Name <address>` (as EMAIL_FROM and EMAIL_REPLY_TO are written) into its parts; a bare address has no name. */
export function parseMailbox(value: string): Mailbox {
  const [first] = addressparser(value, { flatten: true });
  if (!first?.address) return { address: value.trim() };
  return first.name ? { address: first.address, name: first.name } : { address: first.address };
}

/** The sender of one message: the configured address, under the message's display name when it gives one. */
export function senderFor(from: string, fromName: string | undefined): Mailbox {
  const configured = parseMailbox(from);
  return fromName ? { address: configured.address, name: fromName } : configured;
}
