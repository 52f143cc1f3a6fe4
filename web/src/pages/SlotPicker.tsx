import { useEffect, useId, useState } from 'preact/hooks';
import { api, type Schemas } from '../api/client';
import { formErrors } from '../api/problem';
import { Field } from '../components/Field';
import { useApp } from '../context';
import { localTimeOf } from './calendar-dates';

export type Slot = Schemas['SlotDto'];

/**
 * A day and its free start times for a service on one calendar, from
 * GET /api/appointments/slots: a radio group, so the keyboard picks a time
 * (arrows move between times, as in any radio group).
 */
export function SlotPicker(props: {
  serviceId: string;
  calendarId: string;
  date: string;
  onDate(date: string): void;
  value: Slot | null;
  onChange(slot: Slot | null): void;
  error?: string;
  /** Changes when the free times must be read again (after a refusal). */
  refresh?: number;
  legend: string;
}) {
  const { t, lang } = useApp();
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const name = useId();
  const errorId = `${name}-error`;

  useEffect(() => {
    if (!props.serviceId || !props.date) return;
    let live = true;
    setSlots(null);
    setLoadError(null);
    api
      .GET('/api/appointments/slots', {
        params: { query: { serviceId: props.serviceId, calendarId: props.calendarId, from: props.date, to: props.date } },
      })
      .then(({ data, error, response }) => {
        if (!live) return;
        if (data) {
          setSlots(data.slots);
          if (props.value && !data.slots.some((s) => s.startsAt === props.value!.startsAt)) props.onChange(null);
        } else setLoadError(formErrors(error, response.status, [], t).form ?? null);
      })
      .catch(() => live && setLoadError(t('errors.network')));
    return () => {
      live = false;
    };
  }, [props.serviceId, props.calendarId, props.date, props.refresh]);

  return (
    <div class={props.error ? 'slot-picker slot-picker-invalid' : 'slot-picker'}>
      <Field label={t('slots.date')} name="date" type="date" value={props.date} onValue={props.onDate} />
      <fieldset aria-describedby={props.error ? errorId : undefined}>
        <legend>{props.legend}</legend>
        {loadError ? (
          <p class="alert alert-error" role="alert">
            {loadError}
          </p>
        ) : slots === null ? (
          <p class="muted" role="status">
            {t('app.loading')}
          </p>
        ) : slots.length === 0 ? (
          <p class="muted">{t('slots.none')}</p>
        ) : (
          <div class="slots" lang={lang}>
            {slots.map((slot) => (
              <label key={slot.startsAt} class={props.value?.startsAt === slot.startsAt ? 'slot slot-on' : 'slot'}>
                <input
                  type="radio"
                  name={name}
                  value={slot.startsAt}
                  checked={props.value?.startsAt === slot.startsAt}
                  onChange={() => props.onChange(slot)}
                />
                <bdi dir="ltr">{localTimeOf(slot.localStartsAt)}</bdi>
              </label>
            ))}
          </div>
        )}
        {props.error && (
          <p id={errorId} class="field-error" role="alert" dir="auto">
            {props.error}
          </p>
        )}
      </fieldset>
    </div>
  );
}
