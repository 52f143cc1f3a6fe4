import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IsInt, IsOptional, IsString, MaxLength, MetadataStorage, registerDecorator, validate } from 'class-validator';
import { cacheValidationRules } from './validation-rules-cache';

class Base {
  @IsString()
  name!: unknown;
}

class Child extends Base {
  @IsOptional()
  @IsInt()
  count?: unknown;
}

const messages = async (o: object) => (await validate(o)).flatMap((e) => Object.keys(e.constraints ?? {}).map((k) => `${e.property}:${k}`));

describe('cacheValidationRules', () => {
  it('answers each class and options once, as the library would, inherited rules included', () => {
    const storage = new MetadataStorage();
    const plain = new MetadataStorage();
    let scans = 0;
    const original = storage.getTargetValidationMetadatas.bind(storage);
    storage.getTargetValidationMetadatas = (...args) => {
      scans++;
      return original(...args);
    };
    cacheValidationRules(storage);
    cacheValidationRules(storage); // idempotent
    const rule = (target: object, propertyName: string, type: string) => ({
      type,
      target,
      propertyName,
      constraints: [],
      validationTypeOptions: undefined,
      each: false,
      context: undefined,
      always: undefined,
      groups: [],
      constraintCls: Object,
    });
    for (const s of [storage, plain]) {
      s.addValidationMetadata(rule(Base, 'name', 'isDefined') as never);
      s.addValidationMetadata(rule(Child, 'count', 'isDefined') as never);
    }
    const first = storage.getTargetValidationMetadatas(Child, '', false, false);
    const again = storage.getTargetValidationMetadatas(Child, '', false, false, []);
    assert.equal(again, first, 'the same list, not a new scan');
    assert.equal(scans, 1);
    assert.deepEqual(
      first.map((m) => `${(m.target as { name: string }).name}.${m.propertyName}`).sort(),
      plain
        .getTargetValidationMetadatas(Child, '', false, false)
        .map((m) => `${(m.target as { name: string }).name}.${m.propertyName}`)
        .sort(),
    );
    storage.getTargetValidationMetadatas(Child, '', true, false);
    storage.getTargetValidationMetadatas(Child, '', false, false, ['admin']);
    assert.equal(scans, 3, 'other options are other answers');

    storage.addValidationMetadata(rule(Base, 'extra', 'isDefined') as never);
    const after = storage.getTargetValidationMetadatas(Child, '', false, false);
    assert.equal(scans, 4, 'a new rule forgets what was known');
    assert.ok(after.some((m) => m.propertyName === 'extra'));
  });

  it('validates through the global storage as before, and sees a rule registered later', async () => {
    cacheValidationRules();
    const child = Object.assign(new Child(), { name: 5, count: 'x' });
    assert.deepEqual((await messages(child)).sort(), ['count:isInt', 'name:isString']);
    assert.deepEqual(await messages(Object.assign(new Child(), { name: 'דנה' })), []);

    class Late extends Child {}
    assert.deepEqual(await messages(Object.assign(new Late(), { name: 'x'.repeat(5) })), []);
    MaxLength(3)(Late.prototype, 'name');
    registerDecorator({
      name: 'isEven',
      target: Late,
      propertyName: 'count',
      validator: { validate: (v: unknown) => typeof v === 'number' && v % 2 === 0 },
    });
    assert.deepEqual((await messages(Object.assign(new Late(), { name: 'x'.repeat(5), count: 3 }))).sort(), [
      'count:isEven',
      'name:maxLength',
    ]);
  });
});
