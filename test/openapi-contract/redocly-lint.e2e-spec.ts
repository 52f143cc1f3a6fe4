import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/test-app';

const root = join(__dirname, '../../..');

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer?: string }[];
}

describe('Redocly lint of the served OpenAPI document', () => {
  let t: TestApp;
  let dir: string;
  before(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'chatgrow-redocly-'));
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('has no errors under the recommended rules and redocly.yaml', async (ctx) => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify((await t.http.get('/docs-json').expect(200)).body, null, 2));
    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', file, '--format=json', '--config', join(root, 'redocly.yaml')],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' },
      },
    );
    let report: { totals: { errors: number; warnings: number }; problems: LintProblem[] };
    try {
      report = JSON.parse(run.stdout);
    } catch {
      assert.fail(`redocly lint printed no JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
    const line = (p: LintProblem) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(', ')}`;
    for (const warning of report.problems.filter((p) => p.severity !== 'error')) ctx.diagnostic(line(warning));
    const errors = report.problems.filter((p) => p.severity === 'error').map(line);
    assert.deepEqual(errors, []);
    assert.equal(report.totals.errors, 0);
  });
});
