import { AiError } from './ai-error';
import type { AiClient, AiCompletionRequest, AiResponseFormat } from './ai.port';

export interface OpenAiSettings {
  apiKey: string;
  /** `https://api.openai.com/v1`, a compatible endpoint, or a local fake in tests. */
  baseUrl: string;
  model: string;
  /** How long one completion may take, answer body included. */
  timeoutMs: number;
}

/** The part of a Chat Completions answer we read. */
interface ChatCompletion {
  choices?: { message?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown }[];
}

/** OpenAI's `response_format` for a request's format. */
function responseFormat(format: AiResponseFormat): Record<string, unknown> {
  if (format.type !== 'json_schema') return { type: format.type };
  return { type: 'json_schema', json_schema: { name: format.name, schema: format.schema, strict: format.strict } };
}

/** The `error.message` of an OpenAI error body, or its text. */
function errorDetail(status: number, text: string): string {
  try {
    const { error } = JSON.parse(text) as { error?: { message?: unknown; code?: unknown } };
    if (typeof error?.message === 'string' && error.message)
      return typeof error.code === 'string' ? `${error.message} (${error.code})` : error.message;
  } catch {
    // not JSON: the text says it
  }
  return text.trim().slice(0, 200) || `HTTP ${status}`;
}

/**
 * The Chat Completions API (`POST {base}/chat/completions`, Bearer key) with
 * Node's fetch: one system and one user message, the answer's
 * `choices[0].message.content`. Every failure is an AiError.
 */
export class OpenAiClient implements AiClient {
  readonly provider = 'openai';
  readonly model: string;
  private readonly url: string;

  constructor(private readonly settings: OpenAiSettings) {
    this.model = settings.model;
    this.url = `${settings.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  }

  async complete(request: AiCompletionRequest): Promise<string> {
    const body = {
      model: this.model,
      messages: [
        { role: 'system', content: request.system },
        { role: 'user', content: request.user },
      ],
      ...(request.format ? { response_format: responseFormat(request.format) } : {}),
      ...(request.maxTokens ? { max_completion_tokens: request.maxTokens } : {}),
    };
    const { status, text } = await this.post(body);
    if (status < 200 || status > 299) throw new AiError('status', `OpenAI answered ${status}: ${errorDetail(status, text)}`, status);
    return this.content(text);
  }

  /** The status and the whole body, both within the timeout. */
  private async post(body: unknown): Promise<{ status: number; text: string }> {
    try {
      const res = await fetch(this.url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.settings.apiKey}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      return { status: res.status, text: await res.text() };
    } catch (err) {
      throw this.unreachable(err);
    }
  }

  private content(text: string): string {
    let answer: ChatCompletion;
    try {
      answer = JSON.parse(text) as ChatCompletion;
    } catch {
      throw new AiError('malformed', 'OpenAI answered something that is not JSON');
    }
    const choice = Array.isArray(answer?.choices) ? answer.choices[0] : undefined;
    const message = choice?.message;
    if (typeof message?.refusal === 'string' && message.refusal) throw new AiError('refusal', `The model declined: ${message.refusal}`);
    if (choice?.finish_reason === 'length') throw new AiError('incomplete', 'The answer was cut at the token limit');
    if (typeof message?.content !== 'string' || !message.content.trim()) {
      throw new AiError('malformed', 'OpenAI answered without text in choices[0].message.content');
    }
    return message.content;
  }

  /** fetch's failures: the timeout's abort, or `TypeError: fetch failed` with the socket error as its cause. */
  private unreachable(err: unknown): AiError {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    if (cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError')) {
      return new AiError('timeout', `OpenAI did not answer within ${this.settings.timeoutMs} ms`);
    }
    const detail = cause instanceof Error ? cause.message : String(cause);
    return new AiError('unreachable', `OpenAI unreachable: ${detail}`);
  }
}
