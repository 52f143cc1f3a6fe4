// `POST /api/segments/parse` over HTTP: Hebrew and English descriptions become
// checked rules with a member count; text not understood is a 422 naming it
// (never a guessed rule); with AI_DRIVER=openai a description the local parser
// does not read goes to the model (a local fake of the Chat Completions API),
// whose answer is used only when it is a valid rule.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectProblem, fieldsOf, newBusiness, type TestBusiness } from '../support/factories';
import { startOpenAiFake, type OpenAiFake } from '../support/fake-openai';
import { startTestApp, type TestApp } from '../support/test-app';

describe('segments from plain words', () => {
  let t: TestApp;
  let owner: TestBusiness;
  before(async () => {
    t = await startTestApp();
    owner = await newBusiness(t.http);
    await t.http
      .post('/api/customers')
      .set(owner.auth)
      .send({ firstName: 'נועה', email: 'noa@example.com', tags: ['VIP'] })
      .expect(201);
  });
  after(() => t.close());

  const parse = (text: string) => t.http.post('/api/segments/parse').set(owner.auth).send({ text });

  it('reads the Hebrew example of the issue into a checked rule, locally', async () => {
    const res = await parse('לקוחות שלא ביקרו חצי שנה והוציאו מעל 500 ₪');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.source, 'local');
    assert.deepEqual(res.body.rule, {
      match: 'all',
      rules: [
        { field: 'daysSinceLastVisit', operator: '>=', value: 180 },
        { field: 'totalSpendAgorot', operator: '>', value: 50_000 },
      ],
    });
    assert.equal(res.body.count, 0);
  });

  it('reads English too, and counts the members of the rule', async () => {
    const res = await parse('tagged VIP');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.rule, { match: 'all', rules: [{ field: 'tags', operator: 'contains', value: 'VIP' }] });
    assert.equal(res.body.count, 1);
    const saved = await t.http.post('/api/segments').set(owner.auth).send({ name: 'VIP', rule: res.body.rule });
    assert.equal(saved.status, 201, 'a parsed rule saves as it is');
  });

  it('answers 422 naming what it did not understand, in the language of the text, and guesses nothing', async () => {
    const he = expectProblem(await parse('לקוחות שאוהבים חתולים'), 422);
    assert.equal(he.code, 'segment.text_not_understood');
    assert.deepEqual(fieldsOf(he), ['text']);
    assert.match(String(he.detail), /[\u0590-\u05FF]/);
    const en = expectProblem(await parse("spent over ₪500'; DROP TABLE customers; --"), 422);
    assert.equal(en.code, 'segment.text_not_understood');
    assert.ok(!('rule' in en));
    expectProblem(await parse(''), 400);
  });
});

describe('segments from plain words through the AI driver', () => {
  let t: TestApp;
  let owner: TestBusiness;
  let ai: OpenAiFake;
  before(async () => {
    ai = await startOpenAiFake({ apiKey: 'sk-test-segments', model: 'gpt-4o-mini' });
    t = await startTestApp({
      AI_DRIVER: 'openai',
      OPENAI_API_KEY: 'sk-test-segments',
      OPENAI_BASE_URL: ai.baseUrl,
      OPENAI_MODEL: 'gpt-4o-mini',
    });
    owner = await newBusiness(t.http);
  });
  after(async () => {
    await t.close();
    await ai.close();
  });

  const parse = (text: string) => t.http.post('/api/segments/parse').set(owner.auth).send({ text });

  it('does not ask the model what the local parser reads', async () => {
    const res = await parse('inactive for 6 months');
    assert.equal(res.body.source, 'local');
    assert.equal(ai.completions.length, 0);
  });

  it("uses the model's rule for a phrasing the parser does not know, once it checks out", async () => {
    const rule = { match: 'all', rules: [{ field: 'customField', key: 'pet', operator: '=', value: 'cat' }] };
    ai.next({ content: JSON.stringify({ rule }) });
    const res = await parse('customers who own a cat');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.source, 'ai');
    assert.deepEqual(res.body.rule, rule);
    assert.equal(ai.completions.length, 1);
    assert.match(ai.completions[0].body.messages[1].content, /own a cat/);
  });

  it("refuses the model's answer when it is not a valid rule (422, never run)", async () => {
    ai.next({ content: JSON.stringify({ rule: { match: 'all', rules: [{ field: 'password', operator: '=', value: 'x' }] } }) });
    expectProblem(await parse('customers who own a dog'), 422);
    ai.next({ status: 500 });
    expectProblem(await parse('customers who own a horse'), 422);
  });
});
