import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formErrors } from '../../api/problem';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { knownKey } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/he';
import { type Choices, RuleBuilder } from './RuleBuilder';
import {
  ACTION_TYPES,
  type AutomationRule,
  type DraftAction,
  type DraftTrigger,
  fromAction,
  fromTrigger,
  newAction,
  newTrigger,
  placeAutomationErrors,
  SCHEDULED_DATES,
  TAG_TRIGGERS,
  TEMPLATES,
  toAction,
  toTrigger,
  TRIGGER_TYPES,
} from './automation-draft';
import { type AudienceField, type DraftGroup, fromRule, newGroup, nodeOfPath, toRule } from './rule-draft';

const EVENTS_PATH = 'POST /api/automations/events';
/** The customer's name in a message, isolated left-to-right so it reads whole in a Hebrew hint. */
const FIRST_NAME = '\u2066{{ customer.firstName }}\u2069';

/** A new or saved automation: its name, trigger, optional conditions (the audience builder) and ordered actions. */
export function AutomationDialog(props: {
  rule: AutomationRule | null;
  fields: AudienceField[];
  choices: Choices;
  onClose(): void;
  onSaved(): void;
}) {
  const { t, announce } = useApp();
  const [name, setName] = useState(props.rule?.name ?? '');
  const [trigger, setTrigger] = useState<DraftTrigger>(() => (props.rule ? fromTrigger(props.rule.trigger) : newTrigger()));
  const [filtered, setFiltered] = useState(Boolean(props.rule?.conditions));
  const [conditions, setConditions] = useState<DraftGroup>(() =>
    props.rule?.conditions ? fromRule(props.rule.conditions, props.fields) : newGroup(props.fields),
  );
  const [actions, setActions] = useState<DraftAction[]>(() => (props.rule ? props.rule.actions.map(fromAction) : [newAction()]));
  const [errors, setErrors] = useState(() => placeAutomationErrors([], [], (_, m) => m));
  const [ruleErrors, setRuleErrors] = useState(new Map<number, string>());
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [endpoints, setEndpoints] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    // The webhook endpoints a "call a webhook" action can name (owners and admins may read them).
    api
      .GET('/api/webhooks/endpoints', { params: { query: { limit: 100 } } })
      .then(({ data }) => data && setEndpoints(data.data.map((e) => ({ value: e.id, label: e.description || e.url }))))
      .catch(() => undefined);
  }, []);

  const setT = (change: Partial<DraftTrigger>) => setTrigger({ ...trigger, ...change });
  const setAction = (i: number, change: Partial<DraftAction>) => setActions(actions.map((a, j) => (j === i ? { ...a, ...change } : a)));
  const move = (i: number, by: number) => {
    const next = actions.slice();
    [next[i], next[i + by]] = [next[i + by], next[i]];
    setActions(next);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ ...placeAutomationErrors([], [], (_, m) => m), fields: { name: t('errors.required') } });
      setFormError(t('errors.form'));
      return;
    }
    const built = filtered ? toRule(conditions, props.fields) : null;
    const body = {
      name: name.trim(),
      trigger: toTrigger(trigger),
      conditions: built?.rule ?? null,
      actions: actions.map(toAction),
    };
    setBusy(true);
    try {
      const { error, response } = props.rule
        ? await api.PATCH('/api/automations/{id}', { params: { path: { id: props.rule.id } }, body })
        : await api.POST('/api/automations', { body });
      if (response.ok) {
        announce(t('automations.saved'));
        props.onSaved();
        return;
      }
      const placed = placeAutomationErrors(error?.errors ?? [], actions, (place, message) => {
        const key = knownKey(`automations.problem.${place}`);
        return key ? t(key) : message;
      });
      // The builder's paths start at `rule`; the API names them from `conditions`.
      const atConditions = new Map<number, string>();
      for (const c of placed.conditions) {
        const id = built ? nodeOfPath(c.path.replace(/^conditions/, 'rule'), built.paths) : undefined;
        if (id !== undefined) atConditions.set(id, atConditions.get(id) ?? c.message);
        else placed.rest.push(c.message);
      }
      setErrors(placed);
      setRuleErrors(atConditions);
      const placedSome =
        Object.keys(placed.fields).length + Object.keys(placed.trigger).length + placed.actions.size + atConditions.size > 0;
      setFormError(
        placed.rest.length
          ? placed.rest.join(' ')
          : placedSome
            ? t('errors.form')
            : (formErrors(error, response.status, [], t).form ?? t('errors.form')),
      );
    } catch {
      setFormError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  const tErr = errors.trigger;
  return (
    <Dialog title={props.rule ? t('automations.editTitle') : t('automations.newTitle')} onClose={props.onClose} wide>
      <form onSubmit={submit} noValidate class="automation-form">
        <Field label={t('automations.field.name')} name="name" required value={name} onValue={setName} error={errors.fields.name} />

        <fieldset class="automation-section">
          <legend>{t('automations.section.trigger')}</legend>
          <div class="automation-row">
            <Field
              label={t('automations.trigger.type')}
              name="trigger-type"
              as="select"
              value={trigger.type}
              onValue={(type) => setT({ type: type as DraftTrigger['type'] })}
              options={TRIGGER_TYPES.map((type) => ({ value: type, label: t(`automations.trigger.${type}` as MessageKey) }))}
              error={tErr.type}
            />
            {TAG_TRIGGERS.has(trigger.type) && (
              <Field
                label={t('automations.trigger.tag')}
                name="trigger-tag"
                value={trigger.tag}
                onValue={(tag) => setT({ tag })}
                hint={t('automations.trigger.tagHint')}
                error={tErr.tag}
              />
            )}
            {trigger.type === 'scheduled' && (
              <>
                <Field
                  label={t('automations.trigger.days')}
                  name="trigger-days"
                  inputMode="numeric"
                  value={trigger.days}
                  onValue={(days) => setT({ days })}
                  error={tErr.days}
                />
                {trigger.date === 'birthday' && (
                  <Field
                    label={t('automations.trigger.direction')}
                    name="trigger-direction"
                    as="select"
                    value={trigger.direction}
                    onValue={(direction) => setT({ direction: direction as DraftTrigger['direction'] })}
                    options={[
                      { value: 'after', label: t('automations.direction.after') },
                      { value: 'before', label: t('automations.direction.before') },
                    ]}
                    error={tErr.direction}
                  />
                )}
                <Field
                  label={t('automations.trigger.date')}
                  name="trigger-date"
                  as="select"
                  value={trigger.date}
                  onValue={(date) => setT({ date: date as DraftTrigger['date'] })}
                  options={SCHEDULED_DATES.map((d) => ({ value: d, label: t(`automations.date.${d}` as MessageKey) }))}
                  error={tErr.date}
                />
              </>
            )}
            {trigger.type === 'external' && (
              <Field
                label={t('automations.trigger.name')}
                name="trigger-name"
                dir="ltr"
                value={trigger.name}
                onValue={(value) => setT({ name: value })}
                hint={t('automations.trigger.nameHint')}
                error={tErr.name}
              />
            )}
          </div>
          {trigger.type === 'scheduled' && <p class="hint">{t('automations.trigger.scheduledHint')}</p>}
          {trigger.type === 'external' && (
            <div class="automation-usage">
              <p class="hint">{t('automations.trigger.externalHint')}</p>
              <pre dir="ltr" tabIndex={0}>
                <code>{`${EVENTS_PATH}\n${JSON.stringify({ trigger: trigger.name.trim() || 'lead_form_submitted', phone: '050-1234567' })}`}</code>
              </pre>
            </div>
          )}
        </fieldset>

        <fieldset class="automation-section">
          <legend>{t('automations.section.conditions')}</legend>
          <label class="check-line">
            <input type="checkbox" checked={filtered} onChange={(e) => setFiltered((e.currentTarget as HTMLInputElement).checked)} />
            {t('automations.conditions.some')}
          </label>
          {filtered ? (
            <RuleBuilder group={conditions} fields={props.fields} choices={props.choices} errors={ruleErrors} onChange={setConditions} />
          ) : (
            <p class="hint">{t('automations.conditions.everyone')}</p>
          )}
        </fieldset>

        <fieldset class="automation-section">
          <legend>{t('automations.section.actions')}</legend>
          {errors.fields.actions && <p class="field-error">{errors.fields.actions}</p>}
          <ol class="action-list">
            {actions.map((a, i) => (
              <li key={a.id}>
                <ActionRow
                  n={i + 1}
                  action={a}
                  endpoints={endpoints}
                  errors={errors.actions.get(a.id) ?? {}}
                  onChange={(change) => setAction(i, change)}
                  onUp={i > 0 ? () => move(i, -1) : undefined}
                  onDown={i < actions.length - 1 ? () => move(i, 1) : undefined}
                  onRemove={actions.length > 1 ? () => setActions(actions.filter((_, j) => j !== i)) : undefined}
                />
              </li>
            ))}
          </ol>
          <button type="button" class="button button-small" onClick={() => setActions([...actions, newAction('add_tag')])}>
            {t('automations.actions.add')}
          </button>
        </fieldset>

        {formError && (
          <p class="alert alert-error" role="alert">
            {formError}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {t('automations.save')}
          </button>
          <button type="button" class="button" onClick={props.onClose}>
            {t('automations.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ActionRow(props: {
  n: number;
  action: DraftAction;
  endpoints: { value: string; label: string }[];
  errors: Record<string, string>;
  onChange(change: Partial<DraftAction>): void;
  onUp?: () => void;
  onDown?: () => void;
  onRemove?: () => void;
}) {
  const { t } = useApp();
  const a = props.action;
  const e = props.errors;
  const name = (part: string) => `action-${part}-${a.id}`;
  return (
    <div class="action-row" role="group" aria-label={t('automations.action', { n: props.n })}>
      <div class="automation-row">
        <span class="action-number" aria-hidden="true">
          {props.n}
        </span>
        <Field
          label={t('automations.action.type')}
          name={name('type')}
          as="select"
          value={a.type}
          onValue={(type) => props.onChange({ type: type as DraftAction['type'] })}
          options={ACTION_TYPES.map((type) => ({ value: type, label: t(`automations.action.${type}` as MessageKey) }))}
          error={e.type}
        />
        {a.type === 'send_message' && (
          <>
            <Field
              label={t('automations.action.channel')}
              name={name('channel')}
              as="select"
              value={a.channel}
              onValue={(channel) => props.onChange({ channel: channel as DraftAction['channel'] })}
              options={[
                { value: 'sms', label: t('automations.channel.sms') },
                { value: 'email', label: t('automations.channel.email') },
                { value: 'whatsapp', label: t('notifications.channel.whatsapp') },
              ]}
              error={e.channel}
            />
            <Field
              label={t('automations.action.kind')}
              name={name('kind')}
              as="select"
              value={a.kind}
              onValue={(kind) => props.onChange({ kind: kind as DraftAction['kind'] })}
              options={[
                { value: 'transactional', label: t('automations.kind.transactional') },
                { value: 'marketing', label: t('automations.kind.marketing') },
              ]}
              hint={a.kind === 'marketing' ? t('automations.action.kindHint') : undefined}
              error={e.kind}
            />
            <Field
              label={t('automations.action.content')}
              name={name('content')}
              as="select"
              value={a.content}
              onValue={(content) => props.onChange({ content: content as DraftAction['content'] })}
              options={[
                { value: 'text', label: t('automations.content.text') },
                { value: 'template', label: t('automations.content.template') },
              ]}
            />
          </>
        )}
        {(a.type === 'add_tag' || a.type === 'remove_tag') && (
          <Field
            label={t('automations.action.tag')}
            name={name('tag')}
            value={a.tag}
            onValue={(tag) => props.onChange({ tag })}
            error={e.tag}
          />
        )}
        {a.type === 'call_webhook' && (
          <Field
            label={t('automations.action.endpoint')}
            name={name('endpoint')}
            as="select"
            value={a.endpointId}
            onValue={(endpointId) => props.onChange({ endpointId })}
            options={[{ value: '', label: t('automations.action.endpointChoose') }, ...props.endpoints]}
            hint={props.endpoints.length ? t('automations.action.endpointHint') : t('automations.action.endpointNone')}
            error={e.endpointId}
          />
        )}
        {a.type === 'wait' && (
          <Field
            label={t('automations.action.hours')}
            name={name('hours')}
            inputMode="numeric"
            value={a.hours}
            onValue={(hours) => props.onChange({ hours })}
            hint={t('automations.action.hoursHint')}
            error={e.hours}
          />
        )}
      </div>
      {a.type === 'send_message' &&
        (a.content === 'template' ? (
          <Field
            label={t('automations.action.template')}
            name={name('template')}
            as="select"
            value={a.template}
            onValue={(template) => props.onChange({ template })}
            options={TEMPLATES.map((k) => ({ value: k, label: t(`notifications.key.${k}` as MessageKey) }))}
            error={e.template}
          />
        ) : (
          <>
            {a.channel === 'email' && (
              <Field
                label={t('automations.action.subject')}
                name={name('subject')}
                value={a.subject}
                onValue={(subject) => props.onChange({ subject })}
                error={e.subject}
              />
            )}
            <Field
              label={t('automations.action.body')}
              name={name('body')}
              as="textarea"
              value={a.body}
              onValue={(body) => props.onChange({ body })}
              hint={t('automations.action.bodyHint', { placeholder: FIRST_NAME })}
              error={e.body ?? e.template}
            />
          </>
        ))}
      <div class="action-buttons">
        {props.onUp && (
          <button
            type="button"
            class="button button-small button-quiet"
            onClick={props.onUp}
            aria-label={t('automations.action.upNamed', { n: props.n })}
          >
            {t('automations.action.up')}
          </button>
        )}
        {props.onDown && (
          <button
            type="button"
            class="button button-small button-quiet"
            onClick={props.onDown}
            aria-label={t('automations.action.downNamed', { n: props.n })}
          >
            {t('automations.action.down')}
          </button>
        )}
        {props.onRemove && (
          <button
            type="button"
            class="button button-small button-quiet"
            onClick={props.onRemove}
            aria-label={t('automations.action.removeNamed', { n: props.n })}
          >
            {t('automations.action.remove')}
          </button>
        )}
      </div>
    </div>
  );
}
