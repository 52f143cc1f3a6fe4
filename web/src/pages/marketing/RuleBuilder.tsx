import { Field } from '../../components/Field';
import { useApp } from '../../context';
import type { MessageKey } from '../../i18n/he';
import {
  type AudienceField,
  type DraftCondition,
  type DraftGroup,
  type DraftNode,
  MAX_DEPTH,
  MONEY_FIELDS,
  newCondition,
  newGroup,
} from './rule-draft';

export type Choices = Partial<Record<string, { value: string; label: string }[]>>;

interface Props {
  group: DraftGroup;
  fields: AudienceField[];
  /** Services and events to choose from, by field. */
  choices: Choices;
  /** The API's messages, by draft id. */
  errors: Map<number, string>;
  onChange(group: DraftGroup): void;
  onRemove?: () => void;
  depth?: number;
}

const months = (lang: string) =>
  Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: new Date(2026, i, 1).toLocaleString(lang, { month: 'long' }) }));

/** One group of the rule tree: all/any, its conditions and nested groups (up to the API's depth). */
export function RuleBuilder(props: Props) {
  const { t } = useApp();
  const depth = props.depth ?? 1;
  const { group } = props;
  const replace = (index: number, node: DraftNode | null) => {
    const rules = group.rules.slice();
    if (node) rules[index] = node;
    else rules.splice(index, 1);
    props.onChange({ ...group, rules });
  };
  return (
    <fieldset class="rule-group" aria-invalid={props.errors.has(group.id) ? 'true' : undefined}>
      <legend class="sr-only">{t('rules.group')}</legend>
      <div class="rule-group-head">
        <Field
          label={t('rules.match')}
          name={`match-${group.id}`}
          as="select"
          value={group.match}
          onValue={(v) => props.onChange({ ...group, match: v as DraftGroup['match'] })}
          options={[
            { value: 'all', label: t('rules.match.all') },
            { value: 'any', label: t('rules.match.any') },
          ]}
        />
        {props.onRemove && (
          <button type="button" class="button button-small button-quiet" onClick={props.onRemove}>
            {t('rules.removeGroup')}
          </button>
        )}
      </div>
      {props.errors.get(group.id) && <p class="field-error">{props.errors.get(group.id)}</p>}
      <ol class="rule-list">
        {group.rules.map((node, i) => (
          <li key={node.id}>
            {node.type === 'group' ? (
              <RuleBuilder {...props} group={node} depth={depth + 1} onChange={(g) => replace(i, g)} onRemove={() => replace(i, null)} />
            ) : (
              <ConditionRow
                n={i + 1}
                condition={node}
                fields={props.fields}
                choices={props.choices}
                error={props.errors.get(node.id)}
                onChange={(c) => replace(i, c)}
                onRemove={group.rules.length > 1 ? () => replace(i, null) : undefined}
              />
            )}
          </li>
        ))}
      </ol>
      <div class="rule-actions">
        <button
          type="button"
          class="button button-small"
          onClick={() => props.onChange({ ...group, rules: [...group.rules, newCondition(props.fields)] })}
        >
          {t('rules.addCondition')}
        </button>
        {depth < MAX_DEPTH && (
          <button
            type="button"
            class="button button-small"
            onClick={() => props.onChange({ ...group, rules: [...group.rules, newGroup(props.fields)] })}
          >
            {t('rules.addGroup')}
          </button>
        )}
      </div>
    </fieldset>
  );
}

function ConditionRow(props: {
  n: number;
  condition: DraftCondition;
  fields: AudienceField[];
  choices: Choices;
  error?: string;
  onChange(c: DraftCondition): void;
  onRemove?: () => void;
}) {
  const { t, lang } = useApp();
  const c = props.condition;
  const spec = props.fields.find((f) => f.field === c.field);
  const set = (change: Partial<DraftCondition>) => props.onChange({ ...c, ...change });
  const setField = (field: string) => {
    const next = props.fields.find((f) => f.field === field);
    const operator = next && next.operators.includes(c.operator as never) ? c.operator : (next?.operators[0] ?? '=');
    set({ field, operator, text: '', key: '' });
  };
  const name = (part: string) => `${part}-${c.id}`;
  const list = c.operator === 'in' || c.operator === 'not in';
  const value = () => {
    const common = {
      label: t('rules.value'),
      name: name('value'),
      value: c.text,
      onValue: (text: string) => set({ text }),
      error: props.error,
    };
    if (c.operator === 'exists') {
      return (
        <Field
          {...common}
          as="select"
          value={c.text || 'true'}
          options={[
            { value: 'true', label: t('rules.exists.true') },
            { value: 'false', label: t('rules.exists.false') },
          ]}
        />
      );
    }
    const kind = spec?.kind ?? 'text';
    const select = (options: { value: string; label: string }[]) =>
      list ? (
        <Field {...common} hint={t('rules.listHint')} />
      ) : (
        <Field {...common} as="select" options={[{ value: '', label: t('rules.choose') }, ...options]} />
      );
    if (kind === 'boolean')
      return select([
        { value: 'true', label: t('rules.yes') },
        { value: 'false', label: t('rules.no') },
      ]);
    if (kind === 'language')
      return select([
        { value: 'he', label: t('rules.lang.he') },
        { value: 'en', label: t('rules.lang.en') },
      ]);
    if (kind === 'month') return select(months(lang));
    if (kind === 'id') return list ? <Field {...common} hint={t('rules.listHint')} dir="ltr" /> : select(props.choices[c.field] ?? []);
    if (kind === 'date') return <Field {...common} type="date" />;
    const label = MONEY_FIELDS.has(c.field) ? t('rules.shekels') : kind === 'days' ? t('rules.days') : t('rules.value');
    return (
      <Field
        {...common}
        label={label}
        inputMode={kind === 'integer' || kind === 'days' ? 'decimal' : undefined}
        hint={list ? t('rules.listHint') : undefined}
      />
    );
  };
  return (
    <div class="rule-condition" role="group" aria-label={t('rules.condition', { n: props.n })}>
      <Field
        label={t('rules.field')}
        name={name('field')}
        as="select"
        value={c.field}
        onValue={setField}
        options={props.fields.map((f) => ({ value: f.field, label: f.label[lang] }))}
      />
      {spec?.kind === 'custom' && <Field label={t('rules.key')} name={name('key')} value={c.key} onValue={(key) => set({ key })} />}
      <Field
        label={t('rules.operator')}
        name={name('operator')}
        as="select"
        value={c.operator}
        onValue={(operator) => set({ operator, text: operator === 'exists' ? 'true' : c.operator === 'exists' ? '' : c.text })}
        options={(spec?.operators ?? []).map((op) => ({ value: op, label: t(`rules.op.${op}` as MessageKey) }))}
      />
      {value()}
      {props.onRemove && (
        <button
          type="button"
          class="button button-small button-quiet rule-remove"
          onClick={props.onRemove}
          aria-label={t('rules.removeCondition', { n: props.n })}
        >
          {t('rules.remove')}
        </button>
      )}
    </div>
  );
}
