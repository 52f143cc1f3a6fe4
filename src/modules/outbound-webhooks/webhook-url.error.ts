/** A URL a webhook may not be sent to; `code` says whether it is refused or does not resolve. */
export class WebhookUrlError extends Error {
  constructor(
    readonly code: 'url_refused' | 'url_unresolvable',
    message: string,
  ) {
    super(message);
  }
}
