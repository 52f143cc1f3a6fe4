import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formErrors } from '../../api/problem';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Pager } from '../../components/Pager';
import { useApp } from '../../context';
import { AutomationDialog } from './AutomationDialog';
import { RunsSection } from './RunsSection';
import { useAudienceOptions } from './audience-options';
import { type AutomationRule, describeTrigger } from './automation-draft';

const LIMIT = 20;

/**
 * Automation rules: the list (trigger in words, on/off, version), a new one or
 * an edit in a dialog, delete; below, the recent runs. Owners and admins edit.
 */
export function AutomationsTab() {
  const { t, fmt, me, announce } = useApp();
  const [page, setPage] = useState(1);
  const [list, setList] = useState<{ rows: AutomationRule[]; total: number | null; loading: boolean; error: string | null }>({
    rows: [],
    total: null,
    loading: true,
    error: null,
  });
  const [names, setNames] = useState<{ id: string; name: string }[]>([]);
  const { fields, choices } = useAudienceOptions();
  const [editing, setEditing] = useState<AutomationRule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<AutomationRule | null>(null);
  const [toggleError, setToggleError] = useState<string | null>(null);
  const [runsRule, setRunsRule] = useState('');
  const [reloads, setReloads] = useState(0);
  const latest = useRef(0);
  const canEdit = me?.role === 'owner' || me?.role === 'admin';

  useEffect(() => {
    const ticket = ++latest.current;
    setList((l) => ({ ...l, loading: true, error: null }));
    api
      .GET('/api/automations', { params: { query: { page, limit: LIMIT } } })
      .then(({ data, error, response }) => {
        if (ticket !== latest.current) return;
        if (data) setList({ rows: data.data, total: data.meta.total, loading: false, error: null });
        else setList((l) => ({ ...l, loading: false, error: formErrors(error, response.status, [], t).form ?? null }));
      })
      .catch(() => ticket === latest.current && setList((l) => ({ ...l, loading: false, error: t('errors.network') })));
  }, [page, reloads]);

  useEffect(() => {
    // Every rule's name, for the runs' filter and rows (a business has few rules).
    void api
      .GET('/api/automations', { params: { query: { limit: 100 } } })
      .then(({ data }) => data && setNames(data.data.map((r) => ({ id: r.id, name: r.name }))))
      .catch(() => undefined);
  }, [reloads]);

  const toggle = async (rule: AutomationRule, enabled: boolean) => {
    setToggleError(null);
    setList((l) => ({ ...l, rows: l.rows.map((r) => (r.id === rule.id ? { ...r, enabled } : r)) }));
    try {
      const { data, error, response } = await api.PATCH('/api/automations/{id}', {
        params: { path: { id: rule.id } },
        body: { enabled },
      });
      if (data) {
        setList((l) => ({ ...l, rows: l.rows.map((r) => (r.id === rule.id ? data : r)) }));
        announce(t(enabled ? 'automations.enabledNow' : 'automations.disabledNow', { name: rule.name }));
        return;
      }
      setToggleError(formErrors(error, response.status, [], t).form ?? null);
    } catch {
      setToggleError(t('errors.network'));
    }
    setList((l) => ({ ...l, rows: l.rows.map((r) => (r.id === rule.id ? rule : r)) }));
  };

  const remove = async (rule: AutomationRule) => {
    const { response } = await api.DELETE('/api/automations/{id}', { params: { path: { id: rule.id } } });
    setDeleting(null);
    if (response.ok || response.status === 404) {
      announce(t('automations.deleted'));
      if (runsRule === rule.id) setRunsRule('');
      setReloads((n) => n + 1);
    }
  };

  const showRuns = (rule: AutomationRule) => {
    setRunsRule(rule.id);
    const heading = document.getElementById('runs-title');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  };

  const pages = list.total === null ? null : Math.max(1, Math.ceil(list.total / LIMIT));

  return (
    <div>
      <div class="page-head">
        <h2>{t('automations.title')}</h2>
        {canEdit && (
          <button type="button" class="button button-primary" disabled={!fields} onClick={() => setEditing('new')}>
            {t('automations.new')}
          </button>
        )}
      </div>
      <p class="muted">{t('automations.intro')}</p>
      <p class="muted" aria-live="polite">
        {list.loading ? t('app.loading') : list.total !== null ? t('automations.count', { count: fmt.number(list.total) }) : ''}
      </p>
      {(list.error ?? toggleError) && (
        <p class="alert alert-error" role="alert">
          {list.error ?? toggleError}{' '}
          {list.error && (
            <button type="button" class="button button-small" onClick={() => setReloads((n) => n + 1)}>
              {t('automations.retry')}
            </button>
          )}
        </p>
      )}
      {!list.loading && list.rows.length === 0 && !list.error ? (
        <p class="empty">{t('automations.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table stack-table automations-table" aria-busy={list.loading}>
            <caption class="sr-only">{t('automations.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('automations.col.name')}</th>
                <th scope="col">{t('automations.col.trigger')}</th>
                <th scope="col">{t('automations.col.enabled')}</th>
                <th scope="col">{t('automations.col.version')}</th>
                <th scope="col">{t('automations.col.updated')}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.name}</th>
                  <td data-label={t('automations.col.trigger')}>{describeTrigger(r.trigger, t)}</td>
                  <td data-label={t('automations.col.enabled')}>
                    {canEdit ? (
                      <label class="check-line automation-switch">
                        <input
                          type="checkbox"
                          role="switch"
                          checked={r.enabled}
                          aria-label={t('automations.enableNamed', { name: r.name })}
                          onChange={(e) => void toggle(r, (e.currentTarget as HTMLInputElement).checked)}
                        />
                        <span aria-hidden="true">{r.enabled ? t('automations.on') : t('automations.off')}</span>
                      </label>
                    ) : (
                      <span class={r.enabled ? 'badge status-on' : 'badge'}>{r.enabled ? t('automations.on') : t('automations.off')}</span>
                    )}
                  </td>
                  <td data-label={t('automations.col.version')}>{fmt.number(r.version)}</td>
                  <td data-label={t('automations.col.updated')}>{fmt.dateTime(r.updatedAt)}</td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="button button-small"
                      onClick={() => showRuns(r)}
                      aria-label={t('automations.runsNamed', { name: r.name })}
                    >
                      {t('automations.runs')}
                    </button>
                    {canEdit && (
                      <>
                        <button
                          type="button"
                          class="button button-small"
                          disabled={!fields}
                          onClick={() => setEditing(r)}
                          aria-label={t('automations.editNamed', { name: r.name })}
                        >
                          {t('automations.edit')}
                        </button>
                        <button
                          type="button"
                          class="button button-small button-quiet"
                          onClick={() => setDeleting(r)}
                          aria-label={t('automations.deleteNamed', { name: r.name })}
                        >
                          {t('automations.delete')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pages={pages} label={t('automations.pagination')} onPage={setPage} />

      <RunsSection key={reloads} rules={names} ruleId={runsRule} onRuleId={setRunsRule} />

      {editing && fields && (
        <AutomationDialog
          rule={editing === 'new' ? null : editing}
          fields={fields}
          choices={choices}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setReloads((n) => n + 1);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('automations.deleteTitle')}
          text={t('automations.deleteText', { name: deleting.name })}
          confirm={t('automations.delete')}
          cancel={t('automations.cancel')}
          onConfirm={() => void remove(deleting)}
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
