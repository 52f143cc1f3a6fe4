import type { AiClient, AiCompletionRequest } from '../../src/infra/ai/ai.port';

/** An AiClient for unit tests: answers (or throws) what the test queued, in order, and records every request. */
export class ScriptedAiClient implements AiClient {
  readonly provider = 'scripted';
  readonly model = 'scripted-model';
  readonly requests: AiCompletionRequest[] = [];
  private readonly answers: (string | Error)[] = [];

  next(...answers: (string | Error)[]): this {
    this.answers.push(...answers);
    return this;
  }

  async complete(request: AiCompletionRequest): Promise<string> {
    this.requests.push(request);
    const answer = this.answers.shift();
    if (answer === undefined) throw new Error('ScriptedAiClient: the test queued no answer for this request');
    if (answer instanceof Error) throw answer;
    return answer;
  }
}
