import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { formErrors } from '../../api/problem';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Pager } from '../../components/Pager';
import { useApp } from '../../context';
import { SegmentDialog } from './SegmentDialog';
import { useAudienceOptions } from './audience-options';

type Segment = Schemas['SegmentDto'];
const LIMIT = 20;

/** Saved audiences: the list, a new one or an edit in the rule builder with a live count, and delete. */
export function SegmentsTab() {
  const { t, fmt, me, announce } = useApp();
  const [page, setPage] = useState(1);
  const [list, setList] = useState<{ rows: Segment[]; total: number | null; loading: boolean; error: string | null }>({
    rows: [],
    total: null,
    loading: true,
    error: null,
  });
  const { fields, choices } = useAudienceOptions();
  const [editing, setEditing] = useState<Segment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Segment | null>(null);
  const [reloads, setReloads] = useState(0);
  const latest = useRef(0);
  const canEdit = me?.role === 'owner' || me?.role === 'admin';

  useEffect(() => {
    const ticket = ++latest.current;
    setList((l) => ({ ...l, loading: true, error: null }));
    api
      .GET('/api/segments', { params: { query: { page, limit: LIMIT } } })
      .then(({ data, error, response }) => {
        if (ticket !== latest.current) return;
        if (data) setList({ rows: data.data, total: data.meta.total, loading: false, error: null });
        else setList((l) => ({ ...l, loading: false, error: formErrors(error, response.status, [], t).form ?? null }));
      })
      .catch(() => ticket === latest.current && setList((l) => ({ ...l, loading: false, error: t('errors.network') })));
  }, [page, reloads]);

  const remove = async (segment: Segment) => {
    const { response } = await api.DELETE('/api/segments/{id}', { params: { path: { id: segment.id } } });
    setDeleting(null);
    if (response.ok || response.status === 404) {
      announce(t('segments.deleted'));
      setReloads((n) => n + 1);
    }
  };

  const pages = list.total === null ? null : Math.max(1, Math.ceil(list.total / LIMIT));

  return (
    <div>
      <div class="page-head">
        <h2>{t('segments.title')}</h2>
        {canEdit && (
          <button type="button" class="button button-primary" disabled={!fields?.length} onClick={() => setEditing('new')}>
            {t('segments.new')}
          </button>
        )}
      </div>
      <p class="muted" aria-live="polite">
        {list.loading ? t('app.loading') : list.total !== null ? t('segments.count', { count: fmt.number(list.total) }) : ''}
      </p>
      {list.error && (
        <p class="alert alert-error" role="alert">
          {list.error}{' '}
          <button type="button" class="button button-small" onClick={() => setReloads((n) => n + 1)}>
            {t('segments.retry')}
          </button>
        </p>
      )}
      {!list.loading && list.rows.length === 0 && !list.error ? (
        <p class="empty">{t('segments.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table stack-table segments-table" aria-busy={list.loading}>
            <caption class="sr-only">{t('segments.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('segments.col.name')}</th>
                <th scope="col">{t('segments.col.description')}</th>
                <th scope="col">{t('segments.col.updated')}</th>
                {canEdit && <td />}
              </tr>
            </thead>
            <tbody>
              {list.rows.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td data-label={t('segments.col.description')}>{s.description ?? ''}</td>
                  <td data-label={t('segments.col.updated')}>{fmt.dateTime(s.updatedAt)}</td>
                  {canEdit && (
                    <td class="row-actions">
                      <button
                        type="button"
                        class="button button-small"
                        disabled={!fields?.length}
                        onClick={() => setEditing(s)}
                        aria-label={t('segments.editNamed', { name: s.name })}
                      >
                        {t('segments.edit')}
                      </button>
                      <button
                        type="button"
                        class="button button-small button-quiet"
                        onClick={() => setDeleting(s)}
                        aria-label={t('segments.deleteNamed', { name: s.name })}
                      >
                        {t('segments.delete')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pages={pages} label={t('segments.pagination')} onPage={setPage} />
      {editing && fields && (
        <SegmentDialog
          segment={editing === 'new' ? null : editing}
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
          title={t('segments.deleteTitle')}
          text={t('segments.deleteText', { name: deleting.name })}
          confirm={t('segments.delete')}
          cancel={t('segments.cancel')}
          onConfirm={() => void remove(deleting)}
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
