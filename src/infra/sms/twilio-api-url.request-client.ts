import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

/**
 * Twilio's own RequestClient, sending each request to another base URL
 * (TWILIO_API_URL) with the same path, query, headers and Basic credentials.
 * The SDK takes it as its documented `httpClient` option; tests point it at a
 * local fake of the API. Unset, the SDK's default client talks to Twilio.
 */
export class ApiUrlRequestClient extends twilio.RequestClient {
  private readonly base: string;

  constructor(apiUrl: string, options: RequestClient.RequestClientOptions = {}) {
    super(options);
    this.base = apiUrl.replace(/\/+$/, '');
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const target = new URL(opts.uri);
    return super.request({ ...opts, uri: `${this.base}${target.pathname}${target.search}` });
  }
}
