import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { formErrors } from '../../api/problem';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../context';

type ImportStatus = Schemas['CustomerImportStatusDto'];
const POLL_MS = 400;

/**
 * CSV import: upload the file (POST /api/customers/import), then follow the
 * job (GET /api/customers/import/{jobId}) with a live progress bar until it
 * ends, and show the report with the rows that failed and why.
 */
export function CustomerImportDialog(props: { onClose(): void; onImported(): void }) {
  const { t, fmt } = useApp();
  const [file, setFile] = useState<File | null>(null);
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const follow = async (jobId: string) => {
    while (alive.current) {
      try {
        const { data, error: problem, response } = await api.GET('/api/customers/import/{jobId}', { params: { path: { jobId } } });
        if (!alive.current) return;
        if (!data) return setError(formErrors(problem, response.status, [], t).form ?? t('errors.unexpected', { requestId: '' }));
        setStatus(data);
        if (data.status === 'completed' || data.status === 'failed') {
          if (data.status === 'completed') props.onImported();
          return;
        }
      } catch {
        // A dropped connection: keep following the job, it runs on the server regardless.
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return setError(t('import.chooseFile'));
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file);
      const {
        data,
        error: problem,
        response,
      } = await api.POST('/api/customers/import', {
        body: form as unknown as Schemas['CustomerImportAcceptedDto'] & { file: string },
        bodySerializer: (body) => body as unknown as FormData,
      });
      if (!data)
        setError(formErrors(problem, response.status, ['file'], t).fields.file ?? formErrors(problem, response.status, [], t).form ?? null);
      else await follow(data.jobId);
    } catch {
      setError(t('errors.network'));
    } finally {
      if (alive.current) setBusy(false);
    }
  };

  const done = status?.progress.done ?? 0;
  const total = status?.progress.total ?? 0;
  const percent = total ? Math.floor((done / total) * 100) : status?.status === 'completed' ? 100 : 0;
  const report = status?.report;

  return (
    <Dialog title={t('import.title')} onClose={props.onClose} wide>
      <form class="import-form" onSubmit={submit} noValidate>
        <p class="muted">{t('import.intro')}</p>
        <div class="field">
          <label for="import-file">{t('import.file')}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'import-error' : undefined}
            onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
          />
          {error && (
            <p id="import-error" class="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        {status && (
          <div class="import-progress">
            <label for="import-progress">{t(`import.status.${status.status}`)}</label>
            <progress id="import-progress" max={100} value={percent} aria-valuetext={t('import.percent', { percent })}>
              {percent}%
            </progress>
            <p aria-live="polite" class="import-percent">
              {t('import.progress', { done: fmt.number(done), total: fmt.number(total), percent })}
            </p>
          </div>
        )}
        {status?.status === 'failed' && status.failureReason && (
          <p class="alert alert-error" role="alert">
            {status.failureReason}
          </p>
        )}
        {report && status?.status === 'completed' && (
          <div class="import-report" role="status">
            <p>
              {t('import.report', {
                created: fmt.number(report.created),
                updated: fmt.number(report.updated),
                skipped: fmt.number(report.skipped),
                failed: fmt.number(report.failed),
              })}
            </p>
            {report.errors.length > 0 && (
              <div class="table-wrap">
                <table class="table">
                  <caption>{t('import.errors')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('import.col.row')}</th>
                      <th scope="col">{t('import.col.field')}</th>
                      <th scope="col">{t('import.col.message')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.errors.map((e) => (
                      <tr key={`${e.row}:${e.field ?? ''}`}>
                        <td>{fmt.number(e.row)}</td>
                        <td>
                          <bdi>{e.field ?? t('customers.none')}</bdi>
                        </td>
                        <td>
                          <bdi dir="auto">{e.message}</bdi>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        )}
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy || !file}>
            {busy ? t('import.running') : t('import.start')}
          </button>
          <button type="button" class="button" onClick={props.onClose}>
            {t('import.close')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
