import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppException } from '../../common/problem/app.exception';
import { requireAutomationParts, triggerTakes } from './automation-definition';
import { TriggerType } from './automation.types';
import { fillIn } from './automation-step.service';

const fieldsOf = (input: Parameters<typeof requireAutomationParts>[0]): string[] => {
  try {
    requireAutomationParts(input);
  } catch (err) {
    assert.ok(err instanceof AppException);
    assert.equal(err.status, 400);
    return (err.errors ?? []).map((e) => e.field);
  }
  return [];
};

describe('automation definitions', () => {
  it('accept every trigger and action kind', () => {
    const parts = requireAutomationParts({
      trigger: { type: 'customer.tag_added', tag: ' VIP ' },
      conditions: { match: 'all', rules: [{ field: 'smsConsent', operator: '=', value: true }] },
      actions: [
        { type: 'wait', hours: 24 },
        { type: 'send_message', channel: 'email', kind: 'marketing', subject: 'שלום', body: 'היי {{ customer.firstName }}' },
        { type: 'send_message', channel: 'sms', kind: 'transactional', template: 'appointment.booked' },
        { type: 'remove_tag', tag: 'VIP' },
      ],
    });
    assert.deepEqual(parts.trigger, { type: 'customer.tag_added', tag: 'VIP' });
    assert.equal(parts.actions?.length, 4);
    assert.deepEqual(requireAutomationParts({ trigger: { type: 'scheduled', date: 'birthday', days: 3, direction: 'before' } }).trigger, {
      type: 'scheduled',
      date: 'birthday',
      days: 3,
      direction: 'before',
    });
    assert.equal(requireAutomationParts({ conditions: null }).conditions, null);
  });

  it('refuse what is wrong, naming each field path', () => {
    assert.deepEqual(fieldsOf({ trigger: { type: 'nope' } }), ['trigger.type']);
    assert.deepEqual(fieldsOf({ trigger: { type: 'external' } }), ['trigger.name']);
    assert.deepEqual(fieldsOf({ trigger: { type: 'external', name: 'a b' } }), ['trigger.name']);
    assert.deepEqual(fieldsOf({ trigger: { type: 'appointment.booked', tag: 'x' } }), ['trigger.tag']);
    assert.deepEqual(fieldsOf({ trigger: { type: 'scheduled', date: 'createdAt', days: 3, direction: 'before' } }), ['trigger.direction']);
    assert.deepEqual(fieldsOf({ trigger: { type: 'scheduled', date: 'x', days: 1.5 } }), ['trigger.date', 'trigger.days']);
    assert.deepEqual(fieldsOf({ actions: [] }), ['actions']);
    assert.deepEqual(fieldsOf({ actions: 'x' }), ['actions']);
    assert.deepEqual(fieldsOf({ actions: [{ type: 'call_webhook', url: 'https://x' }] }), ['actions.0.url', 'actions.0.endpointId']);
    assert.deepEqual(fieldsOf({ actions: [{ type: 'tweet' }] }), ['actions.0.type']);
    assert.deepEqual(fieldsOf({ actions: [null, { type: 'wait', hours: 0, extra: 1 }] }), [
      'actions.0',
      'actions.1.extra',
      'actions.1.hours',
    ]);
    assert.deepEqual(fieldsOf({ actions: [{ type: 'send_message', channel: 'fax', kind: 'x', template: 't', body: 'b' }] }), [
      'actions.0.channel',
      'actions.0.kind',
      'actions.0.template',
      'actions.0.template',
    ]);
    assert.deepEqual(
      fieldsOf({ actions: [{ type: 'send_message', channel: 'email', kind: 'transactional', template: 'account.password_reset' }] }),
      ['actions.0.template'],
    );
    assert.deepEqual(fieldsOf({ actions: [{ type: 'add_tag', tag: 'x'.repeat(51) }] }), ['actions.0.tag']);
    assert.deepEqual(fieldsOf({ conditions: { match: 'all', rules: [] } }), ['conditions.rules']);
  });

  it('match events to triggers by type, tag and name', () => {
    assert.ok(triggerTakes({ type: TriggerType.tagAdded }, { trigger: TriggerType.tagAdded, tag: 'a' }));
    assert.ok(triggerTakes({ type: TriggerType.tagAdded, tag: 'a' }, { trigger: TriggerType.tagAdded, tag: 'a' }));
    assert.ok(!triggerTakes({ type: TriggerType.tagAdded, tag: 'a' }, { trigger: TriggerType.tagAdded, tag: 'b' }));
    assert.ok(!triggerTakes({ type: TriggerType.tagAdded }, { trigger: TriggerType.tagRemoved, tag: 'a' }));
    assert.ok(triggerTakes({ type: TriggerType.external, name: 'x' }, { trigger: TriggerType.external, name: 'x' }));
    assert.ok(!triggerTakes({ type: TriggerType.external, name: 'x' }, { trigger: TriggerType.external, name: 'y' }));
  });

  it('fill in plain values of a hand-written text', () => {
    const scope = { customer: { firstName: 'דנה' }, data: { n: 3, nested: { a: 'b' }, obj: { x: 1 } } };
    assert.equal(fillIn('שלום {{ customer.firstName }} ({{data.n}}) {{ data.nested.a }}', scope), 'שלום דנה (3) b');
    assert.equal(fillIn('{{ data.obj }}|{{ data.missing }}|{{ constructor }}|{{ data.__proto__ }}', scope), '|||');
  });
});
