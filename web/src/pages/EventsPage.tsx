import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Schemas } from '../api/client';
import { formErrors, type FormErrors } from '../api/problem';
import { Dialog } from '../components/Dialog';
import { Field } from '../components/Field';
import { PageTitle } from '../components/Shell';
import { useApp } from '../context';
import { displayPhone } from '../format';
import type { MessageKey } from '../i18n/he';
import { localDateOf, localTimeOf, todayIn } from './calendar-dates';
import './schedule.css';

type EventDto = Schemas['EventDto'];
type Registration = Schemas['RegistrationDto'];
type When = 'upcoming' | 'past';

const LIMIT = 50;

/** "180", "180.5", "1,250.00", "₪ 99" → agorot; null when it is not an amount. */
export function agorotOf(text: string): number | null {
  const clean = text.replace(/[₪,\s]/g, '');
  if (clean === '') return 0;
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(clean);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

const regName = (r: Registration) => (r.customer ? [r.customer.firstName, r.customer.lastName].filter(Boolean).join(' ') : '—');

/** Events: upcoming and past, create, publish, registrations with the waitlist, cancelling a registration. */
export function EventsPage() {
  const { t, fmt, announce } = useApp();
  const [when, setWhen] = useState<When>('upcoming');
  const [rows, setRows] = useState<EventDto[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    api
      .GET('/api/events', { params: { query: { when, limit: LIMIT } } })
      .then(({ data, error: problem, response }) => {
        if (ticket !== latest.current) return;
        if (data) setRows(data.data);
        else setError(formErrors(problem, response.status, [], t).form ?? null);
        setLoading(false);
      })
      .catch(() => {
        if (ticket !== latest.current) return;
        setError(t('errors.network'));
        setLoading(false);
      });
  }, [when, reloads]);

  const reload = () => setReloads((n) => n + 1);

  const publish = async (event: EventDto) => {
    try {
      const {
        data,
        error: problem,
        response,
      } = await api.PATCH('/api/events/{id}', {
        params: { path: { id: event.id } },
        body: { status: 'published' },
      });
      announce(data ? t('events.published', { title: event.title }) : (formErrors(problem, response.status, [], t).form ?? ''));
    } catch {
      announce(t('errors.network'));
    }
    reload();
  };

  const places = (e: EventDto) =>
    e.capacity === null
      ? t('events.placesUnlimited', { confirmed: fmt.number(e.confirmedCount) })
      : t('events.places', { confirmed: fmt.number(e.confirmedCount), capacity: fmt.number(e.capacity) });
  const open = rows.find((e) => e.id === openId) ?? null;

  return (
    <section aria-labelledby="page-title">
      <div class="page-head">
        <PageTitle>{t('events.title')}</PageTitle>
        <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
          {t('events.new')}
        </button>
      </div>
      <div class="week-toolbar">
        <Field
          label={t('events.show')}
          name="when"
          as="select"
          value={when}
          onValue={(v) => setWhen(v === 'past' ? 'past' : 'upcoming')}
          options={[
            { value: 'upcoming', label: t('events.upcoming') },
            { value: 'past', label: t('events.past') },
          ]}
        />
      </div>
      <p class="muted" role="status">
        {loading ? t('app.loading') : t('events.count', { count: fmt.number(rows.length) })}
      </p>
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {!loading && !error && rows.length === 0 ? (
        <p class="empty">{when === 'upcoming' ? t('events.emptyUpcoming') : t('events.emptyPast')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table events-table" aria-busy={loading}>
            <caption class="sr-only">{t(when === 'upcoming' ? 'events.upcoming' : 'events.past')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('events.col.title')}</th>
                <th scope="col">{t('events.col.when')}</th>
                <th scope="col">{t('events.col.status')}</th>
                <th scope="col">{t('events.col.places')}</th>
                <th scope="col">{t('events.col.waitlist')}</th>
                <th scope="col">{t('events.col.price')}</th>
                <th scope="col">{t('events.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id}>
                  <th scope="row" data-label={t('events.col.title')} dir="auto">
                    {e.title}
                  </th>
                  <td data-label={t('events.col.when')}>
                    {fmt.calendarDate(localDateOf(e.localStartsAt))}{' '}
                    <bdi dir="ltr">
                      {localTimeOf(e.localStartsAt)}–{localTimeOf(e.localEndsAt)}
                    </bdi>
                  </td>
                  <td data-label={t('events.col.status')}>
                    <span class={`status status-${e.status}`}>{t(`events.status.${e.status}` as MessageKey)}</span>
                  </td>
                  <td data-label={t('events.col.places')} class="num">
                    {places(e)}
                    {e.spotsLeft === 0 && <span class="badge">{t('events.full')}</span>}
                  </td>
                  <td data-label={t('events.col.waitlist')} class="num">
                    {fmt.number(e.waitlistedCount)}
                  </td>
                  <td data-label={t('events.col.price')} class="num">
                    {e.priceAgorot === 0 ? t('events.free') : fmt.money(e.priceAgorot, e.currency)}
                  </td>
                  <td data-label={t('events.col.actions')}>
                    <div class="row-actions">
                      {e.status === 'draft' && (
                        <button type="button" class="button button-small button-primary" onClick={() => publish(e)}>
                          {t('events.publish')}
                          <span class="sr-only"> {e.title}</span>
                        </button>
                      )}
                      <button type="button" class="button button-small" onClick={() => setOpenId(e.id)}>
                        {t('events.registrations')}
                        <span class="sr-only"> {e.title}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {creating && (
        <EventDialog
          onClose={() => setCreating(false)}
          onCreated={(e) => {
            setCreating(false);
            announce(t('events.created', { title: e.title }));
            setWhen('upcoming');
            reload();
          }}
        />
      )}
      {open && <RegistrationsDialog event={open} onClose={() => setOpenId(null)} onChanged={reload} />}
    </section>
  );
}

const FIELDS = ['title', 'date', 'startsAt', 'endsAt', 'capacity', 'priceAgorot', 'location', 'description'] as const;
type FormField = (typeof FIELDS)[number];

function EventDialog(props: { onClose(): void; onCreated(e: EventDto): void }) {
  const { t, business } = useApp();
  const [values, setValues] = useState<Record<FormField, string>>({
    title: '',
    date: todayIn(business?.timeZone ?? 'Asia/Jerusalem'),
    startsAt: '18:00',
    endsAt: '20:00',
    capacity: '',
    priceAgorot: '',
    location: '',
    description: '',
  });
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const set = (f: FormField) => (v: string) => setValues((old) => ({ ...old, [f]: v }));

  const submit = async (event: Event) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    for (const f of ['title', 'date', 'startsAt', 'endsAt'] as const) if (!values[f].trim()) missing[f] = t('errors.required');
    const price = agorotOf(values.priceAgorot);
    if (price === null) missing.priceAgorot = t('events.badPrice');
    const capacity = values.capacity.trim() ? Number(values.capacity.trim()) : null;
    if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1)) missing.capacity = t('events.badCapacity');
    if (Object.keys(missing).length) {
      setErrors({ fields: missing, form: t('errors.form') });
      return;
    }
    setBusy(true);
    setErrors({ fields: {} });
    const optional = (s: string) => (s.trim() ? s.trim() : undefined);
    try {
      // Local times without an offset: the API reads them in the business time zone.
      const { data, error, response } = await api.POST('/api/events', {
        body: {
          title: values.title.trim(),
          startsAt: `${values.date}T${values.startsAt}`,
          endsAt: `${values.date}T${values.endsAt}`,
          capacity,
          priceAgorot: price ?? 0,
          location: optional(values.location),
          description: optional(values.description),
        },
      });
      if (data) props.onCreated(data);
      else setErrors(formErrors(error, response.status, FIELDS, t));
    } catch {
      setErrors({ fields: {}, form: t('errors.network') });
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const first = FIELDS.find((f) => errors.fields[f]);
    if (first) document.querySelector<HTMLElement>(`.event-form [name="${first}"]`)?.focus();
  }, [errors]);

  const field = (name: FormField, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field name={name} label={label} value={values[name]} onValue={set(name)} error={errors.fields[name]} {...extra} />
  );

  return (
    <Dialog title={t('events.newTitle')} onClose={props.onClose} wide>
      <form class="event-form" onSubmit={submit} noValidate>
        {errors.form && (
          <p class="alert alert-error" role="alert">
            {errors.form}
          </p>
        )}
        {field('title', t('events.field.title'), { required: true, autoComplete: 'off' })}
        <div class="form-grid">
          {field('date', t('events.field.date'), { type: 'date', required: true })}
          {field('startsAt', t('events.field.start'), { type: 'time', required: true, dir: 'ltr' })}
          {field('endsAt', t('events.field.end'), { type: 'time', required: true, dir: 'ltr' })}
          {field('capacity', t('events.field.capacity'), { inputMode: 'numeric', dir: 'ltr', hint: t('events.field.capacityHint') })}
          {field('priceAgorot', t('events.field.price'), { inputMode: 'decimal', dir: 'ltr', hint: t('events.field.priceHint') })}
          {field('location', t('events.field.location'))}
        </div>
        {field('description', t('events.field.description'), { as: 'textarea' })}
        <p class="muted">{t('events.draftNote')}</p>
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? t('events.saving') : t('events.save')}
          </button>
          <button type="button" class="button" onClick={props.onClose}>
            {t('events.close')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RegistrationsDialog(props: { event: EventDto; onClose(): void; onChanged(): void }) {
  const { t, announce } = useApp();
  const [regs, setRegs] = useState<Registration[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = async (): Promise<Registration[] | null> => {
    try {
      const {
        data,
        error: problem,
        response,
      } = await api.GET('/api/events/{id}/registrations', {
        params: { path: { id: props.event.id }, query: { limit: 100 } },
      });
      if (!data) {
        setError(formErrors(problem, response.status, [], t).form ?? null);
        return null;
      }
      setRegs(data.data);
      return data.data;
    } catch {
      setError(t('errors.network'));
      return null;
    }
  };

  useEffect(() => {
    void load();
  }, []);

  const cancel = async (r: Registration) => {
    setBusy(r.id);
    setError(null);
    setNotice(null);
    const waiting = new Set((regs ?? []).filter((x) => x.status === 'waitlisted').map((x) => x.id));
    try {
      const {
        data,
        error: problem,
        response,
      } = await api.DELETE('/api/events/{id}/registrations/{registrationId}', {
        params: { path: { id: props.event.id, registrationId: r.id } },
      });
      if (!data) {
        setError(formErrors(problem, response.status, [], t).form ?? null);
        return;
      }
      const after = await load();
      const promoted = (after ?? []).filter((x) => waiting.has(x.id) && x.status === 'confirmed').map(regName);
      const message = [t('events.regCancelled', { name: regName(r) }), ...promoted.map((name) => t('events.promoted', { name }))].join(' ');
      setNotice(message);
      announce(message);
      props.onChanged();
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(null);
    }
  };

  const section = (status: Registration['status'], title: MessageKey) => {
    const list = (regs ?? []).filter((r) => r.status === status);
    if (list.length === 0 && status === 'cancelled') return null;
    return (
      <>
        <h3 class="reg-section">
          {t(title)} ({list.length})
        </h3>
        {list.length === 0 ? (
          <p class="muted">{t('events.noneHere')}</p>
        ) : (
          <ol class="reg-list" data-status={status}>
            {list.map((r) => (
              <li key={r.id}>
                <span class="reg-name">{regName(r)}</span>
                {r.customer?.phone && (
                  <bdi dir="ltr" class="muted">
                    {displayPhone(r.customer.phone)}
                  </bdi>
                )}
                {r.promotedAt && r.status === 'confirmed' && <span class="status status-waitlisted">{t('events.promotedBadge')}</span>}
                {r.status !== 'cancelled' && (
                  <button type="button" class="button button-small" disabled={busy !== null} onClick={() => cancel(r)}>
                    {t('events.cancelReg')}
                    <span class="sr-only"> {regName(r)}</span>
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
      </>
    );
  };

  return (
    <Dialog title={t('events.regTitle', { title: props.event.title })} onClose={props.onClose} wide>
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p class="alert alert-ok" role="status">
          {notice}
        </p>
      )}
      {regs === null && !error ? (
        <p class="muted" role="status">
          {t('app.loading')}
        </p>
      ) : (
        <>
          {section('confirmed', 'events.confirmed')}
          {section('waitlisted', 'events.waitlist')}
          {section('cancelled', 'events.cancelledRegs')}
        </>
      )}
      <div class="form-actions">
        <button type="button" class="button" onClick={props.onClose}>
          {t('events.close')}
        </button>
      </div>
    </Dialog>
  );
}
