import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { formErrors } from '../../api/problem';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { fullName } from '../payments/shared';
import { type Choices, RuleBuilder } from './RuleBuilder';
import { type AudienceField, type DraftGroup, fromRule, isComplete, newGroup, nodeOfPath, toRule } from './rule-draft';

type Segment = Schemas['SegmentDto'];
type Preview = Schemas['SegmentPreviewDto'];
const PREVIEW_DELAY_MS = 400;

/** Splits a problem's field errors between the form fields and the rule's conditions (by path). */
function placeErrors(problem: Schemas['ProblemDetails'] | undefined, paths: Map<string, number>) {
  const rule = new Map<number, string>();
  const rest: Schemas['FieldError'][] = [];
  for (const e of problem?.errors ?? []) {
    const id = e.field.startsWith('rule') ? nodeOfPath(e.field, paths) : undefined;
    if (id !== undefined) rule.set(id, rule.get(id) ?? e.message);
    else rest.push(e);
  }
  return { rule, rest };
}

/** A new or saved audience: its name, its rules (a builder), and how many customers it selects as it is edited. */
export function SegmentDialog(props: {
  segment: Segment | null;
  fields: AudienceField[];
  choices: Choices;
  onClose(): void;
  onSaved(): void;
}) {
  const { t, fmt, announce } = useApp();
  const [name, setName] = useState(props.segment?.name ?? '');
  const [description, setDescription] = useState(props.segment?.description ?? '');
  const [draft, setDraft] = useState<DraftGroup>(() =>
    props.segment ? fromRule(props.segment.rule, props.fields) : newGroup(props.fields),
  );
  const [preview, setPreview] = useState<{ result: Preview | null; loading: boolean; error: string | null }>({
    result: null,
    loading: false,
    error: null,
  });
  const [ruleErrors, setRuleErrors] = useState(new Map<number, string>());
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [words, setWords] = useState('');
  const [wordsError, setWordsError] = useState<string | undefined>();
  const [reading, setReading] = useState(false);
  const latest = useRef(0);

  /** The rules for a description in plain Hebrew or English (the API reads it; it never guesses). */
  const read = async () => {
    if (!words.trim()) return;
    setReading(true);
    setWordsError(undefined);
    try {
      const { data, error, response } = await api.POST('/api/segments/parse', { body: { text: words.trim() } });
      if (data) {
        setDraft(fromRule(data.rule, props.fields));
        if (!name.trim()) setName(words.trim().slice(0, 120));
      } else setWordsError(error?.detail ?? formErrors(error, response.status, [], t).form);
    } catch {
      setWordsError(t('errors.network'));
    } finally {
      setReading(false);
    }
  };

  useEffect(() => {
    const ticket = ++latest.current;
    if (!isComplete(draft)) {
      setPreview({ result: null, loading: false, error: null });
      setRuleErrors(new Map());
      return;
    }
    setPreview((p) => ({ ...p, loading: true }));
    const timer = setTimeout(() => {
      const { rule, paths } = toRule(draft, props.fields);
      api
        .POST('/api/segments/preview', { body: { rule } })
        .then(({ data, error, response }) => {
          if (ticket !== latest.current) return;
          if (data) {
            setPreview({ result: data, loading: false, error: null });
            setRuleErrors(new Map());
            return;
          }
          const placed = placeErrors(error, paths);
          setRuleErrors(placed.rule);
          setPreview({
            result: null,
            loading: false,
            error: placed.rule.size ? null : (formErrors(error, response.status, [], t).form ?? null),
          });
        })
        .catch(() => ticket === latest.current && setPreview({ result: null, loading: false, error: t('errors.network') }));
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) {
      setFieldErrors({ name: t('errors.required') });
      setFormError(t('errors.form'));
      return;
    }
    const { rule, paths } = toRule(draft, props.fields);
    const body = { name: name.trim(), description: description.trim() || null, rule };
    setBusy(true);
    try {
      const { error, response } = props.segment
        ? await api.PATCH('/api/segments/{id}', { params: { path: { id: props.segment.id } }, body })
        : await api.POST('/api/segments', { body });
      if (response.ok) {
        announce(t('segments.saved'));
        props.onSaved();
        return;
      }
      const placed = placeErrors(error, paths);
      setRuleErrors(placed.rule);
      const rest = formErrors(error && { ...error, errors: placed.rest }, response.status, ['name', 'description'], t);
      setFieldErrors(rest.fields);
      setFormError(placed.rule.size || Object.keys(rest.fields).length ? t('errors.form') : (rest.form ?? null));
    } catch {
      setFormError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  const result = preview.result;
  return (
    <Dialog title={props.segment ? t('segments.editTitle') : t('segments.newTitle')} onClose={props.onClose} wide>
      <form onSubmit={submit} noValidate>
        <Field label={t('segments.field.name')} name="name" required value={name} onValue={setName} error={fieldErrors.name} />
        <Field
          label={t('segments.field.description')}
          name="description"
          as="textarea"
          value={description}
          onValue={setDescription}
          error={fieldErrors.description}
        />
        <div class="segment-words">
          <Field
            label={t('segments.words')}
            name="words"
            as="textarea"
            value={words}
            onValue={setWords}
            error={wordsError}
            hint={t('segments.wordsHint')}
          />
          <button type="button" class="button" disabled={reading || !words.trim()} onClick={() => void read()}>
            {t('segments.wordsRead')}
          </button>
        </div>
        <h3>{t('segments.rules')}</h3>
        <RuleBuilder group={draft} fields={props.fields} choices={props.choices} errors={ruleErrors} onChange={setDraft} />
        <section class="segment-preview" aria-labelledby="segment-preview-title">
          <h3 id="segment-preview-title">{t('segments.preview')}</h3>
          <p aria-live="polite" class="segment-preview-count">
            {preview.loading
              ? t('segments.previewLoading')
              : result
                ? result.count === 0
                  ? t('segments.previewNone')
                  : t('segments.previewCount', { count: fmt.number(result.count) })
                : !preview.error && !ruleErrors.size
                  ? t('segments.previewIncomplete')
                  : ''}
          </p>
          {result && result.sample.length > 0 && (
            <p class="muted">{t('segments.previewSample', { names: result.sample.map(fullName).join(', ') })}</p>
          )}
          {preview.error && (
            <p class="alert alert-error" role="alert">
              {preview.error}{' '}
              <button type="button" class="button button-small" onClick={() => setDraft({ ...draft })}>
                {t('segments.retry')}
              </button>
            </p>
          )}
        </section>
        {formError && (
          <p class="alert alert-error" role="alert">
            {formError}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {t('segments.save')}
          </button>
          <button type="button" class="button" onClick={props.onClose}>
            {t('segments.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
