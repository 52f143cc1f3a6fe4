import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { FormAlert, type SettingsFormProps, SettingsFormSection, useSubmit } from './common';

type Settings = Schemas['BookingSettingsDto'];
const FIELDS = [
  'timeZone',
  'minimumNoticeMinutes',
  'bookingWindowDays',
  'slotIntervalMinutes',
  'cancellationWindowHours',
  'reminderOffsetsMinutes',
  'requireConfirmation',
] as const;
type Numeric = 'minimumNoticeMinutes' | 'bookingWindowDays' | 'slotIntervalMinutes' | 'cancellationWindowHours';
type Unit = 'minutes' | 'hours' | 'days';
const UNIT_MINUTES: Record<Unit, number> = { minutes: 1, hours: 60, days: 1440 };
const MAX_REMINDERS = 5;

/** An offset in minutes as the largest whole unit: 1440 → 1 day, 120 → 2 hours. */
function asUnit(minutes: number): { amount: string; unit: Unit } {
  if (minutes % 1440 === 0) return { amount: String(minutes / 1440), unit: 'days' };
  if (minutes % 60 === 0) return { amount: String(minutes / 60), unit: 'hours' };
  return { amount: String(minutes), unit: 'minutes' };
}

/** Booking rules: notice, window, slot step, cancellation window, confirmation, and the reminder offsets. */
export function BookingSection() {
  const { t } = useApp();
  return (
    <SettingsFormSection
      id="booking"
      title={t('settings.booking.title')}
      intro={t('settings.booking.intro')}
      load={() => api.GET('/api/booking-settings')}
      form={(form) => <BookingForm {...form} />}
    />
  );
}

function BookingForm(props: SettingsFormProps<Settings>) {
  const { t } = useApp();
  const s = props.settings;
  const [numbers, setNumbers] = useState<Record<Numeric, string>>({
    minimumNoticeMinutes: String(s.minimumNoticeMinutes),
    bookingWindowDays: String(s.bookingWindowDays),
    slotIntervalMinutes: String(s.slotIntervalMinutes),
    cancellationWindowHours: String(s.cancellationWindowHours),
  });
  const [timeZone, setTimeZone] = useState(s.timeZoneFollowsBusiness ? '' : s.timeZone);
  const [confirm, setConfirm] = useState(s.requireConfirmation);
  const [reminders, setReminders] = useState(() => s.reminderOffsetsMinutes.map(asUnit));
  const { errors, busy, run } = useSubmit(FIELDS);

  const submit = (event: Event) => {
    event.preventDefault();
    const offsets = reminders
      .filter((r) => r.amount.trim())
      .map((r) => Math.round(Number(r.amount.replace(',', '.')) * UNIT_MINUTES[r.unit]));
    void run(
      () =>
        api.PUT('/api/booking-settings', {
          body: {
            timeZone: timeZone.trim() || null,
            minimumNoticeMinutes: Number(numbers.minimumNoticeMinutes),
            bookingWindowDays: Number(numbers.bookingWindowDays),
            slotIntervalMinutes: Number(numbers.slotIntervalMinutes),
            cancellationWindowHours: Number(numbers.cancellationWindowHours),
            reminderOffsetsMinutes: offsets,
            requireConfirmation: confirm,
          },
        }),
      props.onSaved,
    );
  };

  const number = (name: Numeric, label: string) => (
    <Field
      name={name}
      label={label}
      dir="ltr"
      inputMode="numeric"
      value={numbers[name]}
      onValue={(v) => setNumbers((n) => ({ ...n, [name]: v }))}
      error={errors.fields[name]}
    />
  );
  return (
    <form onSubmit={submit} noValidate>
      <FormAlert message={errors.form} />
      <fieldset disabled={props.readOnly} class="plain">
        <div class="form-grid">
          {number('minimumNoticeMinutes', t('settings.booking.notice'))}
          {number('bookingWindowDays', t('settings.booking.window'))}
          {number('slotIntervalMinutes', t('settings.booking.interval'))}
          {number('cancellationWindowHours', t('settings.booking.cancellation'))}
          <Field
            name="timeZone"
            label={t('settings.booking.timeZone')}
            dir="ltr"
            hint={t('settings.booking.timeZoneHint')}
            value={timeZone}
            onValue={setTimeZone}
            error={errors.fields.timeZone}
          />
        </div>
        <label class="check-line">
          <input type="checkbox" checked={confirm} onChange={(e) => setConfirm((e.currentTarget as HTMLInputElement).checked)} />
          {t('settings.booking.requireConfirmation')}
        </label>
        <fieldset class="reminders">
          <legend>{t('settings.booking.reminders')}</legend>
          <p class="hint">{t('settings.booking.remindersHint')}</p>
          {reminders.map((r, i) => (
            <div class="reminder-row" key={i}>
              <Field
                name={`reminder-${i}`}
                label={t('settings.booking.reminderAmount', { n: i + 1 })}
                dir="ltr"
                inputMode="numeric"
                value={r.amount}
                onValue={(amount) => setReminders((list) => list.map((x, j) => (j === i ? { ...x, amount } : x)))}
              />
              <Field
                name={`reminder-unit-${i}`}
                label={t('settings.booking.reminderUnit', { n: i + 1 })}
                as="select"
                value={r.unit}
                onValue={(unit) => setReminders((list) => list.map((x, j) => (j === i ? { ...x, unit: unit as Unit } : x)))}
                options={(['minutes', 'hours', 'days'] as const).map((u) => ({ value: u, label: t(`settings.unit.${u}`) }))}
              />
              <button
                type="button"
                class="button button-small button-quiet"
                onClick={() => setReminders((list) => list.filter((_, j) => j !== i))}
              >
                {t('settings.booking.removeReminder', { n: i + 1 })}
              </button>
            </div>
          ))}
          {errors.fields.reminderOffsetsMinutes && <p class="field-error">{errors.fields.reminderOffsetsMinutes}</p>}
          {reminders.length < MAX_REMINDERS && (
            <button
              type="button"
              class="button button-small"
              onClick={() => setReminders((list) => [...list, { amount: '', unit: 'hours' }])}
            >
              {t('settings.booking.addReminder')}
            </button>
          )}
        </fieldset>
      </fieldset>
      {props.readOnly ? (
        <p class="muted">{t('settings.readOnly')}</p>
      ) : (
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? t('settings.saving') : t('settings.booking.save')}
          </button>
        </div>
      )}
    </form>
  );
}
