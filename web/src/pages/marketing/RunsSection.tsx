import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formErrors } from '../../api/problem';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { useApp } from '../../context';
import type { MessageKey } from '../../i18n/he';
import { fullName } from '../payments/shared';
import { type AutomationRun, RUN_STATUSES } from './automation-draft';

const LIMIT = 20;

/**
 * Recent runs of the business's automations, newest first: filter by rule and
 * status, each run's customer and progress, and a dialog with its steps.
 */
export function RunsSection(props: {
  /** Rule names by id, for the filter and the rows. */
  rules: { id: string; name: string }[];
  ruleId: string;
  onRuleId(id: string): void;
}) {
  const { t, fmt } = useApp();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const [reloads, setReloads] = useState(0);
  const [list, setList] = useState<{ rows: AutomationRun[]; total: number | null; loading: boolean; error: string | null }>({
    rows: [],
    total: null,
    loading: true,
    error: null,
  });
  const [names, setNames] = useState(new Map<string, string | null>());
  const [open, setOpen] = useState<AutomationRun | null>(null);
  const latest = useRef(0);

  useEffect(() => setPage(1), [props.ruleId, status]);

  useEffect(() => {
    const ticket = ++latest.current;
    setList((l) => ({ ...l, loading: true, error: null }));
    const query = {
      page,
      limit: LIMIT,
      ...(props.ruleId ? { ruleId: props.ruleId } : {}),
      ...(status ? { status: status as AutomationRun['status'] } : {}),
    };
    api
      .GET('/api/automations/runs', { params: { query } })
      .then(({ data, error, response }) => {
        if (ticket !== latest.current) return;
        if (data) setList({ rows: data.data, total: data.meta.total, loading: false, error: null });
        else setList((l) => ({ ...l, loading: false, error: formErrors(error, response.status, [], t).form ?? null }));
      })
      .catch(() => ticket === latest.current && setList((l) => ({ ...l, loading: false, error: t('errors.network') })));
  }, [page, props.ruleId, status, reloads]);

  useEffect(() => {
    // The customers' names, once each (a deleted customer answers 404).
    const missing = [...new Set(list.rows.map((r) => r.customerId))].filter((id) => !names.has(id));
    if (!missing.length) return;
    void Promise.all(
      missing.map((id) =>
        api
          .GET('/api/customers/{id}', { params: { path: { id } } })
          .then(({ data }) => [id, data ? fullName(data) : null] as const)
          .catch(() => [id, null] as const),
      ),
    ).then((found) => setNames((m) => new Map([...m, ...found])));
  }, [list.rows]);

  const ruleName = (id: string) => props.rules.find((r) => r.id === id)?.name ?? t('runs.unknownRule');
  const customerName = (id: string) => (names.has(id) ? (names.get(id) ?? t('runs.unknownCustomer')) : '…');
  const pages = list.total === null ? null : Math.max(1, Math.ceil(list.total / LIMIT));

  return (
    <section class="runs-section" aria-labelledby="runs-title">
      <div class="page-head">
        <h2 id="runs-title" tabIndex={-1}>
          {t('runs.title')}
        </h2>
        <button type="button" class="button" onClick={() => setReloads((n) => n + 1)}>
          {t('runs.refresh')}
        </button>
      </div>
      <p class="muted">{t('runs.intro')}</p>
      <div class="filters" role="search" aria-label={t('runs.filters')}>
        <Field
          label={t('runs.rule')}
          name="runs-rule"
          as="select"
          value={props.ruleId}
          onValue={props.onRuleId}
          options={[{ value: '', label: t('runs.allRules') }, ...props.rules.map((r) => ({ value: r.id, label: r.name }))]}
        />
        <Field
          label={t('runs.status')}
          name="runs-status"
          as="select"
          value={status}
          onValue={setStatus}
          options={[
            { value: '', label: t('runs.allStatuses') },
            ...RUN_STATUSES.map((s) => ({ value: s, label: t(`runs.status.${s}` as MessageKey) })),
          ]}
        />
      </div>
      <p class="muted" aria-live="polite">
        {list.loading ? t('app.loading') : list.total !== null ? t('runs.count', { count: fmt.number(list.total) }) : ''}
      </p>
      {list.error && (
        <p class="alert alert-error" role="alert">
          {list.error}{' '}
          <button type="button" class="button button-small" onClick={() => setReloads((n) => n + 1)}>
            {t('automations.retry')}
          </button>
        </p>
      )}
      {!list.loading && list.rows.length === 0 && !list.error ? (
        <p class="empty">{t('runs.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table stack-table runs-table" aria-busy={list.loading}>
            <caption class="sr-only">{t('runs.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('runs.col.customer')}</th>
                <th scope="col">{t('runs.col.rule')}</th>
                <th scope="col">{t('runs.col.trigger')}</th>
                <th scope="col">{t('runs.col.status')}</th>
                <th scope="col">{t('runs.col.started')}</th>
                <th scope="col">{t('runs.col.steps')}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{customerName(r.customerId)}</th>
                  <td data-label={t('runs.col.rule')}>{ruleName(r.ruleId)}</td>
                  <td data-label={t('runs.col.trigger')}>{t(`automations.trigger.${r.trigger}` as MessageKey)}</td>
                  <td data-label={t('runs.col.status')}>
                    <RunStatus status={r.status} />
                  </td>
                  <td data-label={t('runs.col.started')}>{fmt.dateTime(r.createdAt)}</td>
                  <td data-label={t('runs.col.steps')}>
                    {t('runs.steps', { done: fmt.number(r.currentStep), total: fmt.number(r.totalSteps) })}
                  </td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="button button-small"
                      onClick={() => setOpen(r)}
                      aria-label={t('runs.detailsNamed', { name: customerName(r.customerId) })}
                    >
                      {t('runs.details')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pages={pages} label={t('runs.pagination')} onPage={setPage} />
      {open && <RunDialog run={open} customer={customerName(open.customerId)} rule={ruleName(open.ruleId)} onClose={() => setOpen(null)} />}
    </section>
  );
}

function RunStatus(props: { status: AutomationRun['status'] }) {
  const { t } = useApp();
  return <span class={`badge run-status status-${props.status}`}>{t(`runs.status.${props.status}` as MessageKey)}</span>;
}

/** One run, read again when opened: who, which rule version, what fired it, and each step's outcome. */
function RunDialog(props: { run: AutomationRun; customer: string; rule: string; onClose(): void }) {
  const { t, fmt } = useApp();
  const [run, setRun] = useState(props.run);
  useEffect(() => {
    void api
      .GET('/api/automations/runs/{runId}', { params: { path: { runId: props.run.id } } })
      .then(({ data }) => data && setRun(data))
      .catch(() => undefined);
  }, [props.run.id]);
  const pending = run.totalSteps - run.steps.length;
  return (
    <Dialog title={t('runs.detailsTitle')} onClose={props.onClose}>
      <dl class="details run-details">
        <dt>{t('runs.col.customer')}</dt>
        <dd>{props.customer}</dd>
        <dt>{t('runs.col.rule')}</dt>
        <dd>
          {props.rule} · {t('runs.version', { version: fmt.number(run.ruleVersion) })}
        </dd>
        <dt>{t('runs.col.trigger')}</dt>
        <dd>{t(`automations.trigger.${run.trigger}` as MessageKey)}</dd>
        <dt>{t('runs.col.status')}</dt>
        <dd>
          <RunStatus status={run.status} />
        </dd>
        <dt>{t('runs.col.started')}</dt>
        <dd>{fmt.dateTime(run.createdAt)}</dd>
        {run.finishedAt && (
          <>
            <dt>{t('runs.finished')}</dt>
            <dd>{fmt.dateTime(run.finishedAt)}</dd>
          </>
        )}
        {run.resumeAt && run.status === 'waiting' && (
          <>
            <dt>{t('runs.resumeAt')}</dt>
            <dd>{fmt.dateTime(run.resumeAt)}</dd>
          </>
        )}
        {run.result && (
          <>
            <dt>{t('runs.result')}</dt>
            <dd dir="auto">{run.result}</dd>
          </>
        )}
      </dl>
      <h3>{t('runs.stepsTitle')}</h3>
      {run.steps.length === 0 ? (
        <p class="muted">{t('runs.noSteps')}</p>
      ) : (
        <ol class="run-steps">
          {run.steps.map((s) => (
            <li key={s.index}>
              <strong>{t(`automations.action.${s.type}` as MessageKey)}</strong>{' '}
              <span class={`badge status-step-${s.status}`}>{t(`runs.step.${s.status}` as MessageKey)}</span>{' '}
              <span class="muted small">{fmt.dateTime(s.at)}</span>
              {s.detail && (
                <p class="small" dir="auto">
                  {s.detail}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {pending > 0 && run.status !== 'completed' && <p class="muted">{t('runs.pending', { count: fmt.number(pending) })}</p>}
      <div class="form-actions">
        <button type="button" class="button" onClick={props.onClose}>
          {t('runs.close')}
        </button>
      </div>
    </Dialog>
  );
}
