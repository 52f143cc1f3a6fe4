import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formErrors } from '../../api/problem';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { nextDay, startOfDayIn } from '../../format-zone';
import { CHANNELS, channelLabel, kindLabel, retryable, STATUSES, StatusBadge, templateLabel, type Message } from './labels';
import { Pager } from '../../components/Pager';

const LIMIT = 20;

interface Filters {
  channel: '' | Message['channel'];
  status: '' | Message['status'];
  from: string;
  to: string;
}

/** The message log: filters by channel, status and date (the business's days), pages, a message's details, retry. */
export function HistoryTab() {
  const { t, fmt, business, me, announce } = useApp();
  const [filters, setFilters] = useState<Filters>({ channel: '', status: '', from: '', to: '' });
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<Message[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const latest = useRef(0);
  const canRetry = me?.role === 'owner' || me?.role === 'admin';
  const zone = business?.timeZone ?? 'Asia/Jerusalem';

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    api
      .GET('/api/notifications/history', {
        params: {
          query: {
            page,
            limit: LIMIT,
            channel: filters.channel || undefined,
            status: filters.status || undefined,
            from: filters.from ? startOfDayIn(filters.from, zone) : undefined,
            to: filters.to ? startOfDayIn(nextDay(filters.to), zone) : undefined,
          },
        },
      })
      .then(({ data, error: problem, response }) => {
        if (ticket !== latest.current) return;
        if (data) {
          setRows(data.data);
          setTotal(data.meta.total);
        } else setError(formErrors(problem, response.status, [], t).form ?? null);
      })
      .catch(() => ticket === latest.current && setError(t('errors.network')))
      .finally(() => ticket === latest.current && setLoading(false));
  }, [filters, page, reloads]);

  const set = (name: keyof Filters) => (value: string) => {
    setFilters((f) => ({ ...f, [name]: value }));
    setPage(1);
  };

  const retry = async (message: Message) => {
    try {
      const result = await api.POST('/api/notifications/history/{id}/retry', { params: { path: { id: message.id } } });
      announce(
        result.data ? t('notifications.retried', { to: message.to }) : (formErrors(result.error, result.response.status, [], t).form ?? ''),
      );
    } catch {
      announce(t('errors.network'));
    }
    setReloads((n) => n + 1);
  };

  const pages = total === null ? null : Math.max(1, Math.ceil(total / LIMIT));
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div>
      <div class="filters" role="search" aria-label={t('notifications.history.filters')}>
        <Field
          label={t('notifications.history.channel')}
          name="channel"
          as="select"
          value={filters.channel}
          onValue={set('channel')}
          options={[{ value: '', label: t('notifications.all') }, ...CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))]}
        />
        <Field
          label={t('notifications.history.status')}
          name="status"
          as="select"
          value={filters.status}
          onValue={set('status')}
          options={[
            { value: '', label: t('notifications.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`notifications.status.${s}`) })),
          ]}
        />
        <Field label={t('notifications.history.from')} name="from" type="date" value={filters.from} onValue={set('from')} />
        <Field label={t('notifications.history.to')} name="to" type="date" value={filters.to} onValue={set('to')} />
      </div>

      <p class="muted" aria-live="polite">
        {loading ? t('app.loading') : total !== null ? t('notifications.history.count', { count: fmt.number(total) }) : ''}
      </p>
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}

      {!loading && rows.length === 0 && !error ? (
        <p class="empty">{filtered ? t('notifications.history.emptyFiltered') : t('notifications.history.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table messages-table rows-table" aria-busy={loading}>
            <caption class="sr-only">{t('notifications.history.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('notifications.col.when')}</th>
                <th scope="col">{t('notifications.col.to')}</th>
                <th scope="col">{t('notifications.col.what')}</th>
                <th scope="col">{t('notifications.col.status')}</th>
                <th scope="col">{t('notifications.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td data-label={t('notifications.col.when')}>{fmt.dateTime(m.createdAt)}</td>
                  <th scope="row" data-label={t('notifications.col.to')}>
                    <bdi dir="ltr">{m.to}</bdi>
                    <span class="tag">{channelLabel(t, m.channel)}</span>
                  </th>
                  <td data-label={t('notifications.col.what')}>
                    <span dir="auto">{m.template ? templateLabel(t, m.template) : (m.subject ?? t('notifications.handWritten'))}</span>
                    <span class="muted small"> · {kindLabel(t, m.kind)}</span>
                  </td>
                  <td data-label={t('notifications.col.status')}>
                    <StatusBadge t={t} status={m.status} />
                    {m.lastError && (
                      <p class="field-error small" dir="auto">
                        {m.lastError}
                      </p>
                    )}
                  </td>
                  <td data-label={t('notifications.col.actions')}>
                    <div class="row-actions">
                      <button type="button" class="button button-small" onClick={() => setOpen(m.id)}>
                        {t('notifications.details')}
                        <span class="sr-only"> {m.to}</span>
                      </button>
                      {canRetry && retryable(m) && (
                        <button type="button" class="button button-small" onClick={() => retry(m)}>
                          {t('notifications.retry')}
                          <span class="sr-only"> {m.to}</span>
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pager page={page} pages={pages} label={t('customers.pagination')} onPage={setPage} />

      {open && (
        <MessageDialog
          id={open}
          canRetry={canRetry}
          onClose={() => setOpen(null)}
          onRetried={() => {
            setOpen(null);
            setReloads((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}

function MessageDialog(props: { id: string; canRetry: boolean; onClose(): void; onRetried(): void }) {
  const { t, fmt, announce } = useApp();
  const [message, setMessage] = useState<Message | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .GET('/api/notifications/history/{id}', { params: { path: { id: props.id } } })
      .then(({ data, error: problem, response }) =>
        data ? setMessage(data) : setError(formErrors(problem, response.status, [], t).form ?? null),
      )
      .catch(() => setError(t('errors.network')));
  }, [props.id]);

  const retry = async () => {
    setBusy(true);
    try {
      const result = await api.POST('/api/notifications/history/{id}/retry', { params: { path: { id: props.id } } });
      if (result.data) {
        announce(t('notifications.retried', { to: result.data.to }));
        props.onRetried();
      } else setError(formErrors(result.error, result.response.status, [], t).form ?? null);
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  const when = (iso: string | null) => (iso ? fmt.dateTime(iso) : t('customers.none'));
  return (
    <Dialog title={t('notifications.detailTitle')} onClose={props.onClose} wide>
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {!message && !error && <p role="status">{t('app.loading')}</p>}
      {message && (
        <div class="stack">
          <dl class="details">
            <dt>{t('notifications.col.to')}</dt>
            <dd>
              <bdi dir="ltr">{message.to}</bdi> · {channelLabel(t, message.channel)} · {kindLabel(t, message.kind)}
            </dd>
            <dt>{t('notifications.col.status')}</dt>
            <dd>
              <StatusBadge t={t} status={message.status} />
            </dd>
            {message.lastError && (
              <>
                <dt>{t('notifications.lastError')}</dt>
                <dd class="field-error" dir="auto">
                  {message.lastError}
                </dd>
              </>
            )}
            <dt>{t('notifications.attempts')}</dt>
            <dd>{fmt.number(message.attempts)}</dd>
            <dt>{t('notifications.col.when')}</dt>
            <dd>{when(message.createdAt)}</dd>
            <dt>{t('notifications.sentAt')}</dt>
            <dd>{when(message.sentAt)}</dd>
            <dt>{t('notifications.deliveredAt')}</dt>
            <dd>{when(message.deliveredAt)}</dd>
            {message.template && (
              <>
                <dt>{t('notifications.template')}</dt>
                <dd>{templateLabel(t, message.template)}</dd>
              </>
            )}
            {message.segments !== null && (
              <>
                <dt>{t('notifications.segments')}</dt>
                <dd>{fmt.number(message.segments)}</dd>
              </>
            )}
            {message.provider && (
              <>
                <dt>{t('notifications.provider')}</dt>
                <dd dir="ltr">{message.provider}</dd>
              </>
            )}
          </dl>
          {message.subject && (
            <p class="preview-subject" dir="auto">
              {message.subject}
            </p>
          )}
          <pre class="preview-text" dir="auto">
            {message.text}
          </pre>
          {message.attachments.length > 0 && (
            <p>
              {t('notifications.attachments')}: <bdi dir="ltr">{message.attachments.join(', ')}</bdi>
            </p>
          )}
        </div>
      )}
      <div class="form-actions">
        {message && props.canRetry && retryable(message) && (
          <button type="button" class="button button-primary" disabled={busy} onClick={retry}>
            {t('notifications.retry')}
          </button>
        )}
        <button type="button" class="button" onClick={props.onClose}>
          {t('notifications.close')}
        </button>
      </div>
    </Dialog>
  );
}
