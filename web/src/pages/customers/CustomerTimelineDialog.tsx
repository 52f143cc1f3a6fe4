import { useEffect, useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { formErrors } from '../../api/problem';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../context';

type Entry = Schemas['ActivityEntryDto'];

/** A customer's timeline (GET /api/customers/{id}/timeline): what happened with them, newest first. */
export function CustomerTimelineDialog(props: { customerId: string; name: string; onClose(): void }) {
  const { t, fmt } = useApp();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .GET('/api/customers/{id}/timeline', { params: { path: { id: props.customerId }, query: { limit: 50 } } })
      .then(({ data, error: problem, response }) => {
        if (data) setEntries(data.data);
        else setError(formErrors(problem, response.status, [], t).form ?? null);
      })
      .catch(() => setError(t('errors.network')));
  }, [props.customerId]);

  return (
    <Dialog title={t('timeline.title', { name: props.name })} onClose={props.onClose} wide>
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {!entries && !error && <p class="muted">{t('app.loading')}</p>}
      {entries && entries.length === 0 && <p class="empty">{t('timeline.empty')}</p>}
      {entries && entries.length > 0 && (
        <ol class="timeline">
          {entries.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{fmt.dateTime(e.at)}</time>
              <span class="timeline-actor">{e.actorName ?? t(`timeline.actor.${e.actorType}`)}</span>
              <bdi dir="auto" class="timeline-summary">
                {e.summary}
              </bdi>
            </li>
          ))}
        </ol>
      )}
      <div class="form-actions">
        <button type="button" class="button" onClick={props.onClose}>
          {t('import.close')}
        </button>
      </div>
    </Dialog>
  );
}
