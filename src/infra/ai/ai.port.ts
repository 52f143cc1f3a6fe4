/**
 * What the model is asked to answer with: free text, any JSON object, or JSON
 * that follows a schema (Structured Outputs; `strict` makes the provider hold
 * the model to it, which only a schema of its supported subset allows).
 */
export type AiResponseFormat =
  { type: 'text' } | { type: 'json_object' } | { type: 'json_schema'; name: string; schema: Record<string, unknown>; strict: boolean };

/** One chat turn: our instructions and the person's text, answered once. */
export interface AiCompletionRequest {
  system: string;
  user: string;
  /** Default: text. */
  format?: AiResponseFormat;
  /** The most tokens the answer may take; default: the provider's. */
  maxTokens?: number;
}

/**
 * The AI port: a driver (OpenAI's Chat Completions) implements it; callers
 * inject AI_CLIENT, which is `null` when AI_DRIVER=none, and fall back to
 * their local logic then, or when `complete` throws an AiError. The answer is
 * the model's text as it came: callers parse and validate it before any use.
 */
export interface AiClient {
  /** `openai`. */
  readonly provider: string;
  readonly model: string;
  complete(request: AiCompletionRequest): Promise<string>;
}

export const AI_CLIENT = Symbol('AI_CLIENT');
