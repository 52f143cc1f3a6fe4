import type TestAgent from 'supertest/lib/agent';

export interface MessageView {
  id: string;
  status: string;
  to: string;
  attempts: number;
  lastError: string | null;
  provider: string | null;
  providerMessageId: string | null;
  segments: number | null;
  text: string;
  sendAt: string;
  customerId: string | null;
  template: string | null;
}

/** Polls a message of the log until `done` holds (sending is a job; its result shows in the log). */
export async function waitForMessage(
  http: TestAgent,
  auth: Record<string, string>,
  id: string,
  done: (m: MessageView) => boolean,
  timeoutMs = 20_000,
): Promise<MessageView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await http.get(`/api/notifications/history/${id}`).set(auth);
    if (res.status === 200 && done(res.body as MessageView)) return res.body as MessageView;
    if (Date.now() > deadline) throw new Error(`Message ${id} still ${JSON.stringify(res.body)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
