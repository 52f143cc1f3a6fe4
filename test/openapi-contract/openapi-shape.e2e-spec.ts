import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { allSchemas } from '../support/openapi-schema-walk';
import { startTestApp, type TestApp } from '../support/test-app';

// A schema that says `type: object` and nothing about its fields reaches a
// generated client as `Record<string, never>` (or `unknown`): the contract
// says nothing. These hold over every schema of the served document.

const COMPOSED = ['allOf', 'anyOf', 'oneOf'];

function isObjectType(type: unknown): boolean {
  return type === 'object' || (Array.isArray(type) && type.includes('object'));
}

describe('the shape of every schema in the OpenAPI document', () => {
  let t: TestApp;
  let doc: Record<string, unknown>;
  before(async () => {
    t = await startTestApp();
    doc = (await t.http.get('/docs-json').expect(200)).body;
  });
  after(() => t.close());

  it('finds the schemas it checks (components, parameters, bodies, answers, nested)', () => {
    const places = allSchemas(doc).map((s) => s.at);
    assert.ok(places.length > 500, `only ${places.length} schemas found`);
    for (const expected of [
      '#/components/schemas/CustomerDto',
      '#/components/schemas/CustomerDto/properties/lastName',
      '#/paths/~1api~1customers~1{id}/get/parameters/0/schema',
      '#/paths/~1api~1customers/post/requestBody/content/application~1json/schema',
      '#/paths/~1api~1customers/get/responses/200/content/application~1json/schema/properties/data/items',
    ]) {
      assert.ok(places.includes(expected), `${expected} not walked`);
    }
  });

  it('has no object schema without a shape: properties (not empty), additionalProperties, patternProperties or a composition', () => {
    const shapeless = allSchemas(doc)
      .filter(({ schema }) => isObjectType(schema.type))
      .filter(({ schema }) => {
        const properties = schema.properties as Record<string, unknown> | undefined;
        const hasProperties = !!properties && Object.keys(properties).length > 0;
        return (
          !hasProperties && !('additionalProperties' in schema) && !('patternProperties' in schema) && !COMPOSED.some((k) => k in schema)
        );
      })
      .map(({ at, schema }) => `${at} ${JSON.stringify(schema)}`);
    assert.deepEqual(shapeless, []);
  });

  it('has no array schema without items', () => {
    const loose = allSchemas(doc)
      .filter(({ schema }) => schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array')))
      .filter(({ schema }) => !('items' in schema) && !('prefixItems' in schema) && !COMPOSED.some((k) => k in schema))
      .map(({ at, schema }) => `${at} ${JSON.stringify(schema)}`);
    assert.deepEqual(loose, []);
  });

  it('types every property: type, $ref, allOf/anyOf/oneOf or enum', () => {
    const untyped = allSchemas(doc).flatMap(({ at, schema }) =>
      Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)
        .filter(([, property]) => !['type', '$ref', 'enum', ...COMPOSED].some((k) => k in property))
        .map(([name, property]) => `${at}/properties/${name} ${JSON.stringify(property)}`),
    );
    assert.deepEqual(untyped, []);
  });
});
