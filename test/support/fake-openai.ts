import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type HttpFake, type RecordedRequest, sendJson, startHttpFake } from './http-fake';

/** The request body a chat completion is asked with (the fields we send). */
export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name?: unknown; schema?: unknown; strict?: unknown } };
  max_completion_tokens?: number;
}

/** How the fake answers one accepted request. */
export type FakeAnswer =
  /** 200 with this text as `choices[0].message.content` (`length`: cut at the token limit). */
  | { content: string; finishReason?: 'stop' | 'length' }
  /** 200 with a Structured Outputs refusal. */
  | { refusal: string }
  /** This status with OpenAI's error body. */
  | { status: number; message?: string; code?: string }
  /** This body as it is (200 unless given): not JSON, or JSON without choices. */
  | { raw: string; status?: number }
  /** No answer at all (a provider that hangs). */
  | { stall: true };

export interface OpenAiFake extends HttpFake {
  /** The base to configure (OPENAI_BASE_URL): `{url}/v1`. */
  baseUrl: string;
  /** Every accepted chat completion request, its body parsed. */
  completions: { request: RecordedRequest; body: ChatRequestBody }[];
  /** Answer the next requests with these, in order. */
  next(...answers: FakeAnswer[]): void;
  /** The answer when none is queued; default: `{}` as content. */
  answer: (body: ChatRequestBody) => FakeAnswer;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'invalid_request_error',
  404: 'invalid_request_error',
  429: 'rate_limit_exceeded',
};

function error(res: ServerResponse, status: number, message: string, code: string | null = null, param: string | null = null): void {
  sendJson(res, status, { error: { message, type: ERROR_TYPES[status] ?? 'server_error', param, code } });
}

/** What the API refuses in a request body with 400, as it words it; null when the body is acceptable. */
function invalidBody(body: ChatRequestBody): { message: string; param: string } | null {
  if (typeof body.model !== 'string' || !body.model) return { message: 'you must provide a model parameter', param: 'model' };
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    return { message: "Missing required parameter: 'messages'.", param: 'messages' };
  const roles = body.messages.map((m) => m?.role);
  if (roles.join(',') !== 'system,user')
    return { message: `expected a system then a user message, got ${roles.join(',')}`, param: 'messages' };
  if (body.messages.some((m) => typeof m.content !== 'string' || !m.content))
    return { message: 'message content must be a non-empty string', param: 'messages' };
  const format = body.response_format;
  if (format === undefined) return null;
  if (format.type === 'json_object') {
    const mentionsJson = body.messages.some((m) => /json/i.test(m.content));
    return mentionsJson
      ? null
      : {
          message: "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
          param: 'messages',
        };
  }
  if (format.type === 'json_schema') {
    const schema = format.json_schema;
    if (typeof schema?.name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(schema.name))
      return { message: 'response_format.json_schema.name is invalid', param: 'response_format.json_schema.name' };
    if (!schema.schema || typeof schema.schema !== 'object')
      return { message: 'response_format.json_schema.schema must be an object', param: 'response_format.json_schema.schema' };
    return null;
  }
  return format.type === 'text' ? null : { message: `Invalid value: '${format.type}'.`, param: 'response_format.type' };
}

/**
 * OpenAI's Chat Completions API as it answers at the wire, for one key and
 * one model: Bearer authentication (401 invalid_api_key otherwise),
 * `POST /v1/chat/completions` only (404 otherwise), the body checked as the
 * API does for what we send (a model, then the model we expect: 404
 * model_not_found; a system and a user message; a response_format it knows,
 * json_object only when the messages say JSON), and answered with a
 * `chat.completion` object, or what the test queued.
 */
export async function startOpenAiFake(options: { apiKey: string; model: string }): Promise<OpenAiFake> {
  const completions: OpenAiFake['completions'] = [];
  const queue: FakeAnswer[] = [];
  const fake: Pick<OpenAiFake, 'answer'> = { answer: () => ({ content: '{}' }) };
  const http = await startHttpFake((req, res) => {
    if (req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return error(
        res,
        401,
        'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
        'invalid_api_key',
      );
    }
    if (req.method !== 'POST' || req.path !== '/v1/chat/completions') return error(res, 404, `Invalid URL (${req.method} ${req.path})`);
    if (!/^application\/json/.test(req.headers['content-type'] ?? '')) return error(res, 400, 'Content-Type must be application/json');
    let body: ChatRequestBody;
    try {
      body = JSON.parse(req.body) as ChatRequestBody;
    } catch {
      return error(res, 400, 'We could not parse the JSON body of your request.');
    }
    const invalid = invalidBody(body);
    if (invalid) return error(res, 400, invalid.message, null, invalid.param);
    if (body.model !== options.model)
      return error(res, 404, `The model \`${body.model}\` does not exist or you do not have access to it.`, 'model_not_found');
    completions.push({ request: req, body });
    answer(res, body.model, queue.shift() ?? fake.answer(body));
  });
  return Object.assign(fake, {
    ...http,
    baseUrl: `${http.url}/v1`,
    completions,
    next: (...answers: FakeAnswer[]) => void queue.push(...answers),
  });
}

function answer(res: ServerResponse, model: string, a: FakeAnswer): void {
  if ('stall' in a) return;
  if ('raw' in a) {
    res.writeHead(a.status ?? 200, { 'Content-Type': 'application/json' });
    res.end(a.raw);
    return;
  }
  if ('status' in a)
    return error(
      res,
      a.status,
      a.message ?? (a.status >= 500 ? 'The server had an error while processing your request.' : 'Error'),
      a.code ?? null,
    );
  const content = 'content' in a ? a.content : null;
  const refusal = 'refusal' in a ? a.refusal : null;
  const completionTokens = Math.ceil((content ?? refusal ?? '').length / 4);
  sendJson(res, 200, {
    id: `chatcmpl-${randomBytes(12).toString('base64url')}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal, annotations: [] },
        logprobs: null,
        finish_reason: 'content' in a ? (a.finishReason ?? 'stop') : 'stop',
      },
    ],
    usage: { prompt_tokens: 100, completion_tokens: completionTokens, total_tokens: 100 + completionTokens },
    system_fingerprint: 'fp_fake',
  });
}
