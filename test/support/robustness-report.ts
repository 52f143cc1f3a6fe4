import type { Failure, OperationResult } from './robustness-run';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The exception message the server logged, without the `METHOD /url failed: ` prefix. */
const messageOf = (logged: string[]) => (logged.length ? logged[0].split('\n')[0].replace(/^[A-Z]+ \S+ failed: /, '') : '');

/** The exception and where it came from: the first stack frame in the app's own code, else the first frame. */
export function serverExcerpt(logged: string[]): string {
  if (!logged.length) return '';
  const frames = logged[0].split('\n').filter((l) => /^\s+at /.test(l));
  const frame = frames.find((l) => /\/src\/(modules|common|infra)\//.test(l) && !l.includes('node_modules')) ?? frames[0];
  return frame ? `${messageOf(logged)} (${frame.trim()})` : messageOf(logged);
}

/** One failure per line, with the server's exception under it. */
export function describeFailures(result: OperationResult, logOf: (requestId: string) => string[]): string {
  const lines = result.failures.map((f) => {
    const server = serverExcerpt(logOf(f.requestId));
    const body = f.excerpt ? `\n      body: ${f.excerpt.replace(/\s+/g, ' ').slice(0, 200)}` : '';
    return `  - ${f.variant} → ${f.status}: ${f.problems.join('; ')}${server ? `\n      server: ${server}` : ''}${body}`;
  });
  return `${result.operation}: ${result.failures.length} of ${result.sent} answers wrong\n${lines.join('\n')}`;
}

/** What kind of input a variant sent: its label without the field, e.g. `null`, `content type: text/plain`. */
const inputKind = (variant: string) => variant.replace(/^\[[^\]]+\] /, '').replace(/^(body|query|path|header|multipart)[^:]*: /, '$1 ');

/**
 * A failure's cause, shared by every request that hit it: for a 5xx the
 * exception the server logged (names and ids blanked, so one NOT NULL
 * violation groups with the others), else the broken rule and the kind of input.
 */
export function causeOf(f: Failure, logged: string[]): string {
  if (f.status === 'no answer') return `no answer (${messageOf(logged) || 'nothing logged'})`.replace(/"[^"]*"/g, '"…"');
  if (f.status >= 500)
    return `${f.status}: ${(messageOf(logged) || 'nothing logged')
      .replace(UUID, '<uuid>')
      .replace(/"[^"]*"/g, '"…"')
      .slice(0, 160)}`;
  return `${f.problems.map((p) => p.replace(/, got \d+$/, '')).join('; ')} — ${inputKind(f.variant)}`;
}

/** All failures grouped by cause, most frequent first, with the statuses seen and the operations each one hits. */
export function summarize(results: OperationResult[], logOf: (requestId: string) => string[]): string {
  const groups = new Map<string, { count: number; statuses: Map<string, number>; operations: Set<string>; examples: string[] }>();
  for (const r of results) {
    for (const f of r.failures) {
      const logged = logOf(f.requestId);
      const cause = causeOf(f, logged);
      const g = groups.get(cause) ?? {
        count: 0,
        statuses: new Map<string, number>(),
        operations: new Set<string>(),
        examples: [] as string[],
      };
      g.count++;
      g.statuses.set(String(f.status), (g.statuses.get(String(f.status)) ?? 0) + 1);
      g.operations.add(r.operation);
      if (g.examples.length < 3) g.examples.push(`${r.operation} — ${f.variant}${logged.length ? `: ${serverExcerpt(logged)}` : ''}`);
      groups.set(cause, g);
    }
  }
  return [...groups.entries()]
    .sort((a, b) => b[1].count - a[1].count)
    .map(([cause, g]) => {
      const statuses = [...g.statuses.entries()].map(([s, n]) => `${n}× ${s}`).join(', ');
      return `${g.count} × ${cause}\n    answered ${statuses}; on ${g.operations.size} operation(s), e.g.\n${g.examples.map((e) => `      ${e}`).join('\n')}`;
    })
    .join('\n');
}
