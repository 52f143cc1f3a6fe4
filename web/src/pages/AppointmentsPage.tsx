import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, type Schemas } from '../api/client';
import { formErrors, type FormErrors } from '../api/problem';
import { customerBody, CUSTOMER_FIELDS, CustomerPicker, type CustomerChoice } from '../components/CustomerPicker';
import { Dialog } from '../components/Dialog';
import { Field } from '../components/Field';
import { PageTitle } from '../components/Shell';
import { useApp } from '../context';
import { displayPhone } from '../format';
import type { MessageKey } from '../i18n/he';
import { addDays, dayStartInstant, localDateOf, localTimeOf, todayIn, weekStartOf } from './calendar-dates';
import { SlotPicker, type Slot } from './SlotPicker';
import './schedule.css';

type Appointment = Schemas['AppointmentDto'];
type Calendar = Schemas['CalendarDto'];
type Service = Schemas['ServiceDto'];
type Status = Appointment['status'];
type Action = 'confirm' | 'complete' | 'no-show';

const PAGE_LIMIT = 100;
const OPEN: readonly Status[] = ['pending', 'confirmed'];

/** What the API allows from this state (appointment-status.ts): recording the outcome waits for the start. */
export function allowedActions(a: Appointment, now = Date.now()): ('reschedule' | 'cancel' | Action)[] {
  if (!OPEN.includes(a.status)) return [];
  const started = Date.parse(a.startsAt) <= now;
  return [
    ...(a.status === 'pending' ? (['confirm'] as const) : []),
    ...(started ? (['complete', 'no-show'] as const) : []),
    'reschedule' as const,
    'cancel' as const,
  ];
}

const customerName = (a: Appointment) => (a.customer ? [a.customer.firstName, a.customer.lastName].filter(Boolean).join(' ') : '—');

interface WeekState {
  rows: Appointment[];
  loading: boolean;
  error: string | null;
}

/** Appointments: a week per calendar (staff member or resource), book on a free slot, reschedule, cancel, record the outcome. */
export function AppointmentsPage() {
  const { t, lang, business, announce } = useApp();
  const timeZone = business?.timeZone ?? 'Asia/Jerusalem';
  const today = todayIn(timeZone);
  const [calendars, setCalendars] = useState<Calendar[] | null>(null);
  const [services, setServices] = useState<Service[]>([]);
  const [setupError, setSetupError] = useState<string | null>(null);
  const [calendarId, setCalendarId] = useState('');
  const [weekStart, setWeekStart] = useState(() => weekStartOf(today));
  const [week, setWeek] = useState<WeekState>({ rows: [], loading: true, error: null });
  const [reloads, setReloads] = useState(0);
  const [booking, setBooking] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    Promise.all([
      api.GET('/api/calendars', { params: { query: { active: true, limit: 100 } } }),
      api.GET('/api/services', { params: { query: { active: true, limit: 100 } } }),
    ])
      .then(([c, s]) => {
        if (!c.data || !s.data) {
          const failed = c.data ? s : c;
          setSetupError(formErrors(failed.error, failed.response.status, [], t).form ?? null);
          return;
        }
        setCalendars(c.data.data);
        setServices(s.data.data);
        setCalendarId((id) => id || c.data.data[0]?.id || '');
      })
      .catch(() => setSetupError(t('errors.network')));
  }, []);

  const days = useMemo(() => Array.from({ length: 7 }, (_, i) => addDays(weekStart, i)), [weekStart]);

  useEffect(() => {
    if (!calendarId) return;
    const ticket = ++latest.current;
    setWeek((w) => ({ ...w, loading: true, error: null }));
    (async () => {
      const from = dayStartInstant(days[0], timeZone);
      const to = dayStartInstant(addDays(days[6], 1), timeZone);
      const rows: Appointment[] = [];
      for (let page = 1; ; page++) {
        const { data, error, response } = await api.GET('/api/appointments', {
          params: { query: { calendarId, from, to, page, limit: PAGE_LIMIT } },
        });
        if (!data) throw new Error(formErrors(error, response.status, [], t).form);
        rows.push(...data.data);
        if (data.data.length < PAGE_LIMIT || rows.length >= (data.meta.total ?? 0)) break;
      }
      return rows.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    })()
      .then((rows) => ticket === latest.current && setWeek({ rows, loading: false, error: null }))
      .catch(
        (err: unknown) =>
          ticket === latest.current &&
          setWeek((w) => ({
            ...w,
            loading: false,
            error: err instanceof TypeError || !(err instanceof Error) || !err.message ? t('errors.network') : err.message,
          })),
      );
  }, [calendarId, weekStart, reloads]);

  const reload = () => setReloads((n) => n + 1);
  const calendar = calendars?.find((c) => c.id === calendarId) ?? null;
  const calendarServices = services.filter((s) => s.calendarIds.includes(calendarId));
  const open = week.rows.find((a) => a.id === openId) ?? null;
  const dayFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(lang === 'he' ? 'he-IL' : 'en-IL', { weekday: 'long', day: 'numeric', month: 'numeric', timeZone: 'UTC' }),
    [lang],
  );
  const dayLabel = (ymd: string) => dayFormat.format(new Date(`${ymd}T00:00:00Z`));
  const rangeFormat = useMemo(
    () => new Intl.DateTimeFormat(lang === 'he' ? 'he-IL' : 'en-IL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    [lang],
  );
  const weekLabel = rangeFormat.formatRange(new Date(`${days[0]}T00:00:00Z`), new Date(`${days[6]}T00:00:00Z`));

  if (setupError)
    return (
      <section aria-labelledby="page-title">
        <PageTitle>{t('appointments.title')}</PageTitle>
        <p class="alert alert-error" role="alert">
          {setupError}
        </p>
      </section>
    );

  return (
    <section aria-labelledby="page-title">
      <div class="page-head">
        <PageTitle>{t('appointments.title')}</PageTitle>
        <button
          type="button"
          class="button button-primary"
          disabled={!calendarId || calendarServices.length === 0}
          onClick={() => setBooking(days.includes(today) ? today : days[0])}
        >
          {t('appointments.book')}
        </button>
      </div>

      {calendars === null ? (
        <p class="muted" role="status">
          {t('app.loading')}
        </p>
      ) : calendars.length === 0 ? (
        <p class="empty">{t('appointments.noCalendars')}</p>
      ) : (
        <>
          <div class="week-toolbar">
            <Field
              label={t('appointments.calendar')}
              name="calendar"
              as="select"
              value={calendarId}
              onValue={setCalendarId}
              options={calendars.map((c) => ({ value: c.id, label: c.name }))}
            />
            <nav class="week-nav" aria-label={t('appointments.weekNav')}>
              <button type="button" class="button" onClick={() => setWeekStart(addDays(weekStart, -7))}>
                <span aria-hidden="true">{lang === 'he' ? '→ ' : '← '}</span>
                {t('appointments.prevWeek')}
              </button>
              <button
                type="button"
                class="button"
                disabled={weekStart === weekStartOf(today)}
                onClick={() => setWeekStart(weekStartOf(today))}
              >
                {t('appointments.thisWeek')}
              </button>
              <button type="button" class="button" onClick={() => setWeekStart(addDays(weekStart, 7))}>
                {t('appointments.nextWeek')}
                <span aria-hidden="true">{lang === 'he' ? ' ←' : ' →'}</span>
              </button>
            </nav>
          </div>
          <h2 class="week-title" aria-live="polite">
            {t('appointments.weekOf', { range: weekLabel, calendar: calendar?.name ?? '' })}
          </h2>
          {calendarServices.length === 0 && <p class="muted">{t('appointments.noServices')}</p>}
          {week.error && (
            <p class="alert alert-error" role="alert">
              {week.error}
              <button type="button" class="button button-small" onClick={reload}>
                {t('appointments.retry')}
              </button>
            </p>
          )}
          <p class="muted" role="status">
            {week.loading ? t('app.loading') : t('appointments.count', { count: week.rows.filter((a) => a.status !== 'cancelled').length })}
          </p>
          <ol class="week" aria-busy={week.loading} aria-label={t('appointments.weekLabel')}>
            {days.map((day) => {
              const items = week.rows.filter((a) => localDateOf(a.localStartsAt) === day);
              return (
                <li key={day} class={day === today ? 'day day-today' : 'day'} data-date={day}>
                  <h3 class="day-title">
                    {dayLabel(day)}
                    {day === today && <span class="badge">{t('appointments.today')}</span>}
                  </h3>
                  {items.length === 0 ? (
                    <p class="day-empty">{t('appointments.dayEmpty')}</p>
                  ) : (
                    <ul class="day-items">
                      {items.map((a) => (
                        <li key={a.id}>
                          <button type="button" class={`appt appt-${a.status}`} onClick={() => setOpenId(a.id)}>
                            <bdi dir="ltr" class="appt-time">
                              {localTimeOf(a.localStartsAt)}–{localTimeOf(toLocal(a.endsAt, a))}
                            </bdi>
                            <span class="appt-name">{customerName(a)}</span>
                            <span class="appt-service">{a.serviceName}</span>
                            <span class="appt-status">{t(`appointments.status.${a.status}` as MessageKey)}</span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                  {calendarServices.length > 0 && day >= today && (
                    <button type="button" class="button button-small button-quiet day-book" onClick={() => setBooking(day)}>
                      {t('appointments.bookOn')}
                      <span class="sr-only"> {dayLabel(day)}</span>
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}

      {booking && calendar && (
        <BookDialog
          calendar={calendar}
          services={calendarServices}
          date={booking}
          onClose={() => setBooking(null)}
          onBooked={(a) => {
            setBooking(null);
            setWeekStart(weekStartOf(localDateOf(a.localStartsAt)));
            announceBooked(a);
            reload();
          }}
        />
      )}
      {open && (
        <AppointmentDialog
          appointment={open}
          onClose={() => setOpenId(null)}
          onChanged={(a, message) => {
            if (a.status === 'cancelled' || message === 'moved') setOpenId(null);
            if (message === 'moved') setWeekStart(weekStartOf(localDateOf(a.localStartsAt)));
            reload();
          }}
        />
      )}
    </section>
  );

  function announceBooked(a: Appointment) {
    announce(
      t('appointments.booked', { name: customerName(a), time: localTimeOf(a.localStartsAt), day: dayLabel(localDateOf(a.localStartsAt)) }),
    );
  }
}

/** The end's local wall time: the start's plus the length (an appointment does not span a clock change). */
function toLocal(instant: string, a: Appointment): string {
  const wall = Date.parse(`${a.localStartsAt.slice(0, 19)}Z`) + (Date.parse(instant) - Date.parse(a.startsAt));
  return new Date(wall).toISOString();
}

function BookDialog(props: { calendar: Calendar; services: Service[]; date: string; onClose(): void; onBooked(a: Appointment): void }) {
  const { t } = useApp();
  const [serviceId, setServiceId] = useState(props.services[0]?.id ?? '');
  const [date, setDate] = useState(props.date);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [customer, setCustomer] = useState<CustomerChoice | null>(null);
  const [notes, setNotes] = useState('');
  const [status, setStatus] = useState<'confirmed' | 'pending'>('confirmed');
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const fields = ['startsAt', 'serviceId', 'notes', ...CUSTOMER_FIELDS];

  const submit = async (event: Event) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!slot) missing.startsAt = t('appointments.pickSlot');
    if (!customer) missing.customerId = t('appointments.pickCustomer');
    else if (customer.kind === 'new' && !customer.customer.firstName.trim()) missing['customer.firstName'] = t('errors.required');
    if (Object.keys(missing).length) {
      setErrors({ fields: missing, form: t('errors.form') });
      return;
    }
    setBusy(true);
    setErrors({ fields: {} });
    try {
      const { data, error, response } = await api.POST('/api/appointments', {
        body: {
          serviceId,
          calendarId: props.calendar.id,
          startsAt: slot!.startsAt,
          status,
          ...(notes.trim() ? { notes: notes.trim() } : {}),
          ...customerBody(customer!),
        },
      });
      if (data) {
        props.onBooked(data);
        return;
      }
      setErrors(formErrors(error, response.status, fields, t));
      // Taken meanwhile: read the free times again (the taken one drops out).
      if (response.status === 409) setRefresh((n) => n + 1);
    } catch {
      setErrors({ fields: {}, form: t('errors.network') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('appointments.bookTitle', { calendar: props.calendar.name })} onClose={props.onClose} wide>
      <form class="book-form" onSubmit={submit} noValidate>
        {errors.form && (
          <p class="alert alert-error" role="alert">
            {errors.form}
          </p>
        )}
        <Field
          label={t('appointments.service')}
          name="serviceId"
          as="select"
          value={serviceId}
          onValue={(v) => {
            setServiceId(v);
            setSlot(null);
          }}
          error={errors.fields.serviceId}
          options={props.services.map((s) => ({
            value: s.id,
            label: `${s.name} (${t('appointments.minutes', { n: s.durationMinutes })})`,
          }))}
        />
        <SlotPicker
          legend={t('appointments.freeSlots')}
          serviceId={serviceId}
          calendarId={props.calendar.id}
          date={date}
          onDate={(d) => {
            setDate(d);
            setSlot(null);
          }}
          value={slot}
          onChange={setSlot}
          error={errors.fields.startsAt}
          refresh={refresh}
        />
        <CustomerPicker value={customer} onChange={setCustomer} errors={errors.fields} />
        <Field
          label={t('appointments.statusField')}
          name="status"
          as="select"
          value={status}
          onValue={(v) => setStatus(v === 'pending' ? 'pending' : 'confirmed')}
          options={[
            { value: 'confirmed', label: t('appointments.status.confirmed') },
            { value: 'pending', label: t('appointments.status.pending') },
          ]}
        />
        <Field label={t('appointments.notes')} name="notes" as="textarea" value={notes} onValue={setNotes} error={errors.fields.notes} />
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? t('appointments.saving') : t('appointments.bookSubmit')}
          </button>
          <button type="button" class="button" onClick={props.onClose}>
            {t('appointments.close')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function AppointmentDialog(props: { appointment: Appointment; onClose(): void; onChanged(a: Appointment, message?: 'moved'): void }) {
  const { t, fmt, announce } = useApp();
  const a = props.appointment;
  const [mode, setMode] = useState<'view' | 'reschedule' | 'cancel'>('view');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(localDateOf(a.localStartsAt));
  const [slot, setSlot] = useState<Slot | null>(null);
  const [slotError, setSlotError] = useState<string | undefined>();
  const [refresh, setRefresh] = useState(0);
  const name = customerName(a);
  const actions = allowedActions(a);

  const run = async (action: Action) => {
    setBusy(true);
    setError(null);
    try {
      const path = `/api/appointments/{id}/${action}` as const;
      const { data, error: problem, response } = await api.POST(path, { params: { path: { id: a.id } } });
      if (data) {
        announce(t(`appointments.done.${action}` as MessageKey, { name }));
        props.onChanged(data);
      } else setError(formErrors(problem, response.status, [], t).form ?? null);
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  const cancel = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const {
        data,
        error: problem,
        response,
      } = await api.POST('/api/appointments/{id}/cancel', {
        params: { path: { id: a.id } },
        body: reason.trim() ? { reason: reason.trim() } : {},
      });
      if (data) {
        announce(t('appointments.done.cancel', { name }));
        props.onChanged(data);
      } else setError(formErrors(problem, response.status, [], t).form ?? null);
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  const reschedule = async (event: Event) => {
    event.preventDefault();
    if (!slot) {
      setSlotError(t('appointments.pickSlot'));
      return;
    }
    setBusy(true);
    setError(null);
    setSlotError(undefined);
    try {
      const {
        data,
        error: problem,
        response,
      } = await api.PATCH('/api/appointments/{id}', {
        params: { path: { id: a.id } },
        body: { startsAt: slot.startsAt },
      });
      if (data) {
        announce(
          t('appointments.done.reschedule', {
            name,
            time: localTimeOf(data.localStartsAt),
            date: fmt.calendarDate(localDateOf(data.localStartsAt)),
          }),
        );
        props.onChanged(data, 'moved');
        return;
      }
      const errs = formErrors(problem, response.status, ['startsAt'], t);
      setSlotError(errs.fields.startsAt);
      setError(errs.fields.startsAt ? null : (errs.form ?? null));
      if (response.status === 409) setRefresh((n) => n + 1);
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('appointments.detailTitle', { name })} onClose={props.onClose} wide>
      <dl class="details">
        <dt>{t('appointments.when')}</dt>
        <dd>
          {fmt.calendarDate(localDateOf(a.localStartsAt))}{' '}
          <bdi dir="ltr">
            {localTimeOf(a.localStartsAt)}–{localTimeOf(toLocal(a.endsAt, a))}
          </bdi>
        </dd>
        <dt>{t('appointments.service')}</dt>
        <dd>{a.serviceName}</dd>
        <dt>{t('appointments.customer')}</dt>
        <dd>
          {name}
          {a.customer?.phone && (
            <>
              {' · '}
              <bdi dir="ltr">{displayPhone(a.customer.phone)}</bdi>
            </>
          )}
        </dd>
        <dt>{t('appointments.statusField')}</dt>
        <dd>
          <span class={`status status-${a.status}`}>{t(`appointments.status.${a.status}` as MessageKey)}</span>
        </dd>
        <dt>{t('appointments.price')}</dt>
        <dd>{fmt.money(a.priceAgorot, a.currency)}</dd>
        {a.notes && (
          <>
            <dt>{t('appointments.notes')}</dt>
            <dd dir="auto">{a.notes}</dd>
          </>
        )}
        {a.cancellationReason && (
          <>
            <dt>{t('appointments.cancelReason')}</dt>
            <dd dir="auto">{a.cancellationReason}</dd>
          </>
        )}
      </dl>
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}

      {mode === 'view' && (
        <div class="form-actions appt-actions">
          {actions.includes('confirm') && (
            <button type="button" class="button button-primary" disabled={busy} onClick={() => run('confirm')}>
              {t('appointments.confirm')}
            </button>
          )}
          {actions.includes('complete') && (
            <button type="button" class="button button-primary" disabled={busy} onClick={() => run('complete')}>
              {t('appointments.complete')}
            </button>
          )}
          {actions.includes('no-show') && (
            <button type="button" class="button" disabled={busy} onClick={() => run('no-show')}>
              {t('appointments.noShow')}
            </button>
          )}
          {actions.includes('reschedule') && (
            <button type="button" class="button" disabled={busy} onClick={() => setMode('reschedule')}>
              {t('appointments.reschedule')}
            </button>
          )}
          {actions.includes('cancel') && (
            <button type="button" class="button button-danger" disabled={busy} onClick={() => setMode('cancel')}>
              {t('appointments.cancel')}
            </button>
          )}
          <button type="button" class="button button-quiet" onClick={props.onClose}>
            {t('appointments.close')}
          </button>
        </div>
      )}

      {mode === 'reschedule' && (
        <form onSubmit={reschedule} noValidate>
          <SlotPicker
            legend={t('appointments.newTime')}
            serviceId={a.serviceId}
            calendarId={a.calendarId}
            date={date}
            onDate={(d) => {
              setDate(d);
              setSlot(null);
            }}
            value={slot}
            onChange={setSlot}
            error={slotError}
            refresh={refresh}
          />
          <div class="form-actions">
            <button type="submit" class="button button-primary" disabled={busy}>
              {t('appointments.moveSubmit')}
            </button>
            <button type="button" class="button" onClick={() => setMode('view')}>
              {t('appointments.back')}
            </button>
          </div>
        </form>
      )}

      {mode === 'cancel' && (
        <form onSubmit={cancel} noValidate>
          <Field
            label={t('appointments.cancelReason')}
            name="reason"
            value={reason}
            onValue={setReason}
            hint={t('appointments.cancelHint')}
          />
          <div class="form-actions">
            <button type="submit" class="button button-danger" disabled={busy}>
              {t('appointments.cancelSubmit')}
            </button>
            <button type="button" class="button" onClick={() => setMode('view')}>
              {t('appointments.back')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
