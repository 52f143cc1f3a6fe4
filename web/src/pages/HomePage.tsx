import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { api, type Schemas } from '../api/client';
import { formErrors } from '../api/problem';
import { BarChart, type ChartPoint } from '../components/Chart';
import { PageTitle } from '../components/Shell';
import { useApp } from '../context';
import type { MessageKey } from '../i18n/he';
import { hrefOf } from '../router';
import { addDays, localDate, monthStart, startOfLocalDay } from './home/period';

type Stats = Schemas['StatsDto'];
type Appointment = Schemas['AppointmentDto'];
type Calendar = Schemas['CalendarDto'];
type Event = Schemas['EventDto'];

interface Loaded<T> {
  data: T | null;
  error: string | null;
}

/** One API read for a section of the page, with its own error and retry (a failed section does not blank the others). */
function useRead<T>(read: () => Promise<{ data?: T; error?: Schemas['ProblemDetails']; response: Response }>): [Loaded<T>, () => void] {
  const { t } = useApp();
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null });
  const [tries, setTries] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ data: null, error: null });
    read()
      .then(({ data, error, response }) => {
        if (!live) return;
        if (data !== undefined) setState({ data, error: null });
        else setState({ data: null, error: formErrors(error, response.status, [], t).form ?? t('home.loadFailed') });
      })
      .catch(() => live && setState({ data: null, error: t('errors.network') }));
    return () => {
      live = false;
    };
  }, [tries]);
  return [state, useCallback(() => setTries((n) => n + 1), [])];
}

/** The period the page shows, in the business's time zone, fixed when the page opens. */
function usePeriod(timeZone: string) {
  return useMemo(() => {
    const today = localDate(new Date(), timeZone);
    return {
      today,
      thisMonth: monthStart(today),
      lastMonth: monthStart(today, -1),
      nextMonth: monthStart(today, 1),
      dayStarts: startOfLocalDay(today, timeZone),
      dayEnds: startOfLocalDay(addDays(today, 1), timeZone),
    };
  }, [timeZone]);
}

const fullName = (c: { firstName: string; lastName: string | null }) => [c.firstName, c.lastName].filter(Boolean).join(' ');

/**
 * The day at a glance: this month's figures against last month's, today's
 * appointments per staff member, upcoming events with places left, and
 * revenue and appointments by day over last month and this one. Six reads, in
 * parallel: two of GET /provider/stats (this month, last month; by day), today's
 * appointments, the calendars (staff names), upcoming published events.
 */
export function HomePage() {
  const { t, fmt, me, business } = useApp();
  const period = usePeriod(business?.timeZone ?? 'Asia/Jerusalem');

  const [thisMonth, retryThisMonth] = useRead(() =>
    api.GET('/provider/stats', { params: { query: { from: period.thisMonth, to: period.nextMonth, granularity: 'day' } } }),
  );
  const [lastMonth, retryLastMonth] = useRead(() =>
    api.GET('/provider/stats', { params: { query: { from: period.lastMonth, to: period.thisMonth, granularity: 'day' } } }),
  );
  const [appointments, retryAppointments] = useRead(() =>
    api.GET('/api/appointments', { params: { query: { from: period.dayStarts, to: period.dayEnds, limit: 100 } } }),
  );
  const [calendars, retryCalendars] = useRead(() => api.GET('/api/calendars', { params: { query: { limit: 100 } } }));
  const [events, retryEvents] = useRead(() =>
    api.GET('/api/events', { params: { query: { when: 'upcoming', status: 'published', limit: 5 } } }),
  );

  const statsError = thisMonth.error ?? lastMonth.error;
  const retryStats = () => {
    if (thisMonth.error) retryThisMonth();
    if (lastMonth.error) retryLastMonth();
  };

  return (
    <section aria-labelledby="page-title" class="home">
      <PageTitle>{t('home.greeting', { name: me?.name ?? '' })}</PageTitle>
      <p class="muted">{t('home.today', { date: fmt.longDate(new Date()) })}</p>

      <section aria-labelledby="home-figures">
        <h2 id="home-figures" class="sr-only">
          {t('home.figures')}
        </h2>
        {statsError ? <Failed message={statsError} retry={retryStats} /> : <Figures current={thisMonth.data} previous={lastMonth.data} />}
      </section>

      <div class="home-columns">
        <section class="panel" aria-labelledby="home-today" aria-busy={!appointments.data && !appointments.error}>
          <h2 id="home-today">{t('home.todayTitle')}</h2>
          {appointments.error || calendars.error ? (
            <Failed
              message={(appointments.error ?? calendars.error)!}
              retry={() => {
                if (appointments.error) retryAppointments();
                if (calendars.error) retryCalendars();
              }}
            />
          ) : appointments.data && calendars.data ? (
            <Today appointments={appointments.data.data} calendars={calendars.data.data} />
          ) : (
            <p class="muted">{t('app.loading')}</p>
          )}
        </section>

        <section class="panel" aria-labelledby="home-events" aria-busy={!events.data && !events.error}>
          <h2 id="home-events">{t('home.eventsTitle')}</h2>
          {events.error ? (
            <Failed message={events.error} retry={retryEvents} />
          ) : events.data ? (
            <Events events={events.data.data} />
          ) : (
            <p class="muted">{t('app.loading')}</p>
          )}
        </section>
      </div>

      <section aria-labelledby="home-charts" class="charts">
        <h2 id="home-charts">{t('home.charts')}</h2>
        {statsError ? null : thisMonth.data && lastMonth.data ? (
          <Charts current={thisMonth.data} previous={lastMonth.data} today={period.today} />
        ) : (
          <p class="muted">{t('app.loading')}</p>
        )}
      </section>
    </section>
  );
}

function Failed(props: { message: string; retry(): void }) {
  const { t } = useApp();
  return (
    <div class="alert alert-error" role="alert">
      <p>{props.message}</p>
      <button type="button" class="button button-small" onClick={props.retry}>
        {t('home.retry')}
      </button>
    </div>
  );
}

function Figures(props: { current: Stats | null; previous: Stats | null }) {
  const { t, fmt } = useApp();
  const now = props.current?.totals;
  const before = props.previous?.totals;
  const m = props.current?.messagesByStatus;
  const pending = '…';

  let change = '';
  if (now && before) {
    const diff = now.revenueAgorot - before.revenueAgorot;
    if (before.revenueAgorot <= 0) change = t('home.revenueNoCompare');
    else if (diff === 0) change = t('home.revenueSame');
    else {
      const pct = `${fmt.number(Math.round((Math.abs(diff) / before.revenueAgorot) * 100))}%`;
      change = t(diff > 0 ? 'home.revenueUp' : 'home.revenueDown', { percent: pct });
    }
  }

  return (
    <div class="cards" aria-busy={!now}>
      <div class="card" data-card="revenue">
        <h3 class="card-title">{t('home.revenue')}</h3>
        <p class="card-figure">{now ? fmt.money(now.revenueAgorot, props.current?.currency) : pending}</p>
        {before && <p class="card-note">{t('home.revenueLast', { amount: fmt.money(before.revenueAgorot, props.previous?.currency) })}</p>}
        {change && <p class="card-note">{change}</p>}
        <a href={hrefOf('payments')}>{t('home.paymentsLink')}</a>
      </div>
      <div class="card" data-card="bookings">
        <h3 class="card-title">{t('home.bookings')}</h3>
        <p class="card-figure">{now ? fmt.number(now.bookings) : pending}</p>
        {now && now.cancelledBookings > 0 && (
          <p class="card-note">{t('home.bookingsCancelled', { count: fmt.number(now.cancelledBookings) })}</p>
        )}
        <a href={hrefOf('appointments')}>{t('home.appointmentsLink')}</a>
      </div>
      <div class="card" data-card="customers">
        <h3 class="card-title">{t('home.newCustomers')}</h3>
        <p class="card-figure">{now ? fmt.number(now.newCustomers) : pending}</p>
        {before && <p class="card-note">{t('home.newCustomersLast', { count: fmt.number(before.newCustomers) })}</p>}
        <a href={hrefOf('customers')}>{t('home.customersLink')}</a>
      </div>
      <div class="card" data-card="messages">
        <h3 class="card-title">{t('home.messages')}</h3>
        <p class="card-figure">{m ? t('home.messagesSent', { count: fmt.number(m.sent + m.delivered) }) : pending}</p>
        {m && (
          <p class={m.failed + m.bounced > 0 ? 'card-note card-warning' : 'card-note'}>
            {t('home.messagesFailed', { count: fmt.number(m.failed + m.bounced) })}
          </p>
        )}
        {m && m.queued + m.sending > 0 && <p class="card-note">{t('home.messagesPending', { count: fmt.number(m.queued + m.sending) })}</p>}
        <a href={hrefOf('notifications')}>{t('home.messagesLink')}</a>
      </div>
    </div>
  );
}

/** Today's appointments (not the cancelled ones), one list per staff member or resource, by start. */
function Today(props: { appointments: Appointment[]; calendars: Calendar[] }) {
  const { t, fmt } = useApp();
  const groups = useMemo(() => {
    const names = new Map(props.calendars.map((c) => [c.id, c.name]));
    const byCalendar = new Map<string, Appointment[]>();
    for (const a of props.appointments) {
      if (a.status === 'cancelled') continue;
      byCalendar.set(a.calendarId, [...(byCalendar.get(a.calendarId) ?? []), a]);
    }
    return [...byCalendar.entries()]
      .map(([id, list]) => ({ id, name: names.get(id) ?? t('home.staffUnknown'), list }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [props.appointments, props.calendars, t]);

  if (groups.length === 0) {
    return (
      <div class="empty-small">
        <p>{t('home.todayEmpty')}</p>
        <a href={hrefOf('appointments')}>{t('home.appointmentsLink')}</a>
      </div>
    );
  }
  return (
    <div class="staff-days">
      {groups.map((g) => (
        <section key={g.id} class="staff-day" aria-labelledby={`staff-${g.id}`}>
          <h3 id={`staff-${g.id}`}>
            {g.name} <span class="muted">· {t('home.todayCount', { count: fmt.number(g.list.length) })}</span>
          </h3>
          <ul class="agenda">
            {g.list.map((a) => (
              <li key={a.id}>
                <time dateTime={a.startsAt} class="agenda-time">
                  {fmt.time(a.startsAt)}
                </time>
                <span class="agenda-what">
                  <span class="agenda-who">{a.customer ? fullName(a.customer) : '—'}</span>
                  <span class="muted"> · {a.serviceName}</span>
                </span>
                <span class={`status status-${a.status}`}>{t(`home.status.${a.status}` as MessageKey)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Events(props: { events: Event[] }) {
  const { t, fmt } = useApp();
  if (props.events.length === 0) {
    return (
      <div class="empty-small">
        <p>{t('home.eventsEmpty')}</p>
        <a href={hrefOf('events')}>{t('home.eventsLink')}</a>
      </div>
    );
  }
  return (
    <ul class="event-list">
      {props.events.map((e) => (
        <li key={e.id}>
          <span class="event-title">{e.title}</span>
          <time dateTime={e.startsAt} class="muted">
            {fmt.dateTime(e.startsAt)}
          </time>
          <span class="event-places">
            {e.spotsLeft === null
              ? t('home.unlimited', { count: fmt.number(e.confirmedCount) })
              : e.spotsLeft === 0
                ? t('home.full', { count: fmt.number(e.waitlistedCount) })
                : t('home.placesLeft', { count: fmt.number(e.spotsLeft), capacity: fmt.number(e.capacity ?? 0) })}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Revenue and appointments by day, from the first of last month to today. */
function Charts(props: { current: Stats; previous: Stats; today: string }) {
  const { t, fmt } = useApp();
  const days = useMemo(
    () => [...props.previous.series, ...props.current.series].filter((b) => b.date <= props.today),
    [props.current, props.previous, props.today],
  );
  const revenue = useMemo<ChartPoint[]>(() => days.map((b) => ({ label: fmt.dayMonth(b.date), value: b.revenueAgorot })), [days, fmt]);
  const bookings = useMemo<ChartPoint[]>(() => days.map((b) => ({ label: fmt.dayMonth(b.date), value: b.bookings })), [days, fmt]);
  const money = useCallback((v: number) => fmt.money(v, props.current.currency), [fmt]);
  const count = useCallback((v: number) => fmt.number(v), [fmt]);
  const axisMoney = useCallback((v: number) => fmt.wholeMoney(v), [fmt]);
  const axisCount = useCallback((v: number) => (Number.isInteger(v) ? fmt.number(v) : ''), [fmt]);

  const summary = (points: ChartPoint[], key: 'revenue' | 'bookings', format: (v: number) => string) => {
    const total = points.reduce((sum, p) => sum + p.value, 0);
    if (total === 0) return t(key === 'revenue' ? 'home.revenueChartEmpty' : 'home.bookingsChartEmpty');
    const best = points.reduce((a, b) => (b.value > a.value ? b : a));
    return t(key === 'revenue' ? 'home.revenueChartSummary' : 'home.bookingsChartSummary', {
      total: format(total),
      from: points[0].label,
      to: points[points.length - 1].label,
      best: best.label,
      bestValue: format(best.value),
    });
  };

  return (
    <div class="chart-grid">
      <BarChart
        id="revenue-chart"
        title={t('home.revenueChart')}
        summary={summary(revenue, 'revenue', money)}
        valueLabel={t('home.col.revenue')}
        points={revenue}
        format={money}
        axisFormat={axisMoney}
        colour="#0b5cad"
      />
      <BarChart
        id="bookings-chart"
        title={t('home.bookingsChart')}
        summary={summary(bookings, 'bookings', count)}
        valueLabel={t('home.col.bookings')}
        points={bookings}
        format={count}
        axisFormat={axisCount}
        colour="#1b7f4b"
      />
    </div>
  );
}
