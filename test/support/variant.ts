/**
 * One request of the robustness test and what its answer must be.
 *
 * - `no-5xx`: input a correct server may accept (an SQL-looking name, `null`
 *   where the schema allows it): any status below 500, problem+json if 4xx.
 * - `4xx`: input the document rules out (wrong type, unknown key, no such
 *   record): a 4xx problem.
 * - `415`: a body in a media type the operation does not document.
 */
export type Expectation = 'no-5xx' | '4xx' | '415';

export interface Variant {
  /** What was sent, e.g. `body.customFields: object nested 3000 levels`. */
  label: string;
  expect: Expectation;
  /** Path and query exactly as they go on the wire. */
  target: string;
  /** `null`: send the body with no Content-Type header. */
  contentType?: string | null;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Sent without the owner's credentials. */
  anonymous?: boolean;
}

/** The stricter of two expectations for the same input. */
export const rejectIf = (condition: boolean): Expectation => (condition ? '4xx' : 'no-5xx');
