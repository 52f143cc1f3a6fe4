import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { describe, it } from 'node:test';
import express from 'express';
import request from 'supertest';
import type { OpenApiDocument } from '../support/openapi-document';
import { ContractViolations, watchResponses } from '../support/response-contract';

// The response check that startTestApp() puts on every app, tried on a small
// Express app and document, so a check that passes everything cannot pass here.

const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
const doc: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {
    '/api/things/{id}': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          '404': { content: problem },
        },
      },
      delete: { responses: { '204': { description: 'Gone' } } },
    },
    '/api/things': {
      post: {
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: {} } } } },
        responses: {
          '201': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          '4XX': { content: problem },
        },
      },
    },
    '/api/things/export': { get: { responses: { '200': { content: { 'text/csv': { schema: { type: 'string' } } } } } } },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'note', 'owner'],
        properties: {
          id: { type: 'string', format: 'uuid', example: '0d4c8a6e-6f7a-4c1e-9f33-8f2f7b1a9c11' },
          note: { type: ['string', 'null'] },
          owner: { anyOf: [{ $ref: '#/components/schemas/Owner' }, { type: 'null' }] },
        },
      },
      Owner: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      Problem: { type: 'object', required: ['status'], properties: { status: { type: 'integer' } } },
    },
  },
};

const ID = '5d0c2b8e-9a43-4a57-9d5e-0a8b8f1f4c11';

function app(): { http: ReturnType<typeof request>; violations: ContractViolations } {
  const a = express();
  a.use(express.json({ limit: '10b' }));
  a.get('/api/things/export', (_req, res) => {
    res.type('text/csv');
    res.write('id,note\n');
    res.end(`${ID},x\n`);
  });
  a.get('/api/things/:id', (req, res) => {
    const id = String(req.params.id);
    if (id === 'teapot') return void res.status(418).json({ status: 418 });
    if (id === 'text') return void res.type('text/plain').send('hello');
    if (id === 'missing')
      return void res
        .status(404)
        .type('application/problem+json')
        .send(JSON.stringify({ status: 404 }));
    if (id === 'bad') return void res.json({ id: 'not-a-uuid', note: 7, owner: { name: null } });
    if (id === 'nulls') return void res.json({ id: ID, note: null, owner: null });
    res.json({ id: ID, note: 'שלום', owner: { name: 'דנה' } });
  });
  a.delete('/api/things/:id', (_req, res) => void res.status(204).end());
  a.post('/api/things', (_req, res) => void res.status(201).json({ id: ID, note: null, owner: null }));
  a.get('/api/undocumented', (_req, res) => void res.json({}));
  a.get('/docs-json', (_req, res) => void res.json(doc));
  a.use((err: { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res
      .status(err.status ?? 500)
      .type('application/problem+json')
      .send(JSON.stringify({ status: err.status ?? 500 }));
  });
  a.all(
    '*path',
    (_req, res) =>
      void res
        .status(404)
        .type('application/problem+json')
        .send(JSON.stringify({ status: 404 })),
  );
  const server = createServer(a);
  const violations = new ContractViolations();
  watchResponses(server, doc, violations);
  return { http: request(server), violations };
}

describe('the response contract check', () => {
  it('passes answers that match: JSON bodies, nulls, a problem, no content, a CSV stream, a status range', async () => {
    const { http, violations } = app();
    await http.get(`/api/things/${ID}`).expect(200);
    await http.get('/api/things/nulls').expect(200);
    await http.get('/api/things/missing').expect(404);
    await http.delete(`/api/things/${ID}`).expect(204);
    await http.get('/api/things/export').expect(200);
    await http.post('/api/things').send({}).expect(201);
    // Rejected by the body parser before routing: found by its URL, answered under `4XX`.
    await http.post('/api/things').send({ long: 'longer than ten bytes' }).expect(413);
    // Not operations: unknown routes, CORS preflights, the documentation itself.
    await http.get('/api/nothing-here').expect(404);
    await http.options('/api/things');
    await http.get('/docs-json').expect(200);
    assert.deepEqual(violations.list(), []);
    violations.assertNone();
  });

  it('reports a body off its schema, an undocumented status, a media type and an operation not in the document', async () => {
    const { http, violations } = app();
    await http.get('/api/things/bad').expect(200);
    await http.get('/api/things/bad').expect(200);
    await http.get('/api/things/teapot').expect(418);
    await http.get('/api/things/text').expect(200);
    await http.get('/api/undocumented').expect(200);
    const list = violations.list();
    assert.equal(list.length, 4, list.join('\n'));
    assert.match(list[0], /^GET \/api\/things\/\{id\} → 200 application\/json does not match its schema: /);
    assert.match(list[0], /\/id must match format "uuid"/);
    assert.match(list[0], /\/note must be string,null/);
    assert.match(list[0], /\/owner\/name must be string/);
    assert.match(list[0], /seen 2×, first: GET \/api\/things\/bad → 200/);
    assert.match(list[1], /^GET \/api\/things\/\{id\} → 418: status not documented \(documented: 200, 404\)/);
    assert.match(list[2], /^GET \/api\/things\/\{id\} → 200: sends text\/plain, documented application\/json/);
    assert.match(list[3], /^GET \/api\/undocumented: the app serves this operation, the document has none/);
    assert.throws(() => violations.assertNone(), { name: 'AssertionError', message: /4 answer\(s\) of the app do not match/ });
  });
});
