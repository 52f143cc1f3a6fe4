import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { templateLabel } from '../notifications/labels';
import { FormAlert, orNull, type SettingsFormProps, SettingsFormSection, useSubmit } from './common';

type Settings = Schemas['NotificationSettingsDto'];
type Events = Settings['events'];
type EventKey = keyof Events;
const EVENTS: EventKey[] = [
  'appointment.booked',
  'appointment.rescheduled',
  'appointment.cancelled',
  'appointment.reminder',
  'registration.confirmed',
  'registration.waitlisted',
  'registration.promoted',
  'event.cancelled',
];
const CHANNELS = ['email', 'sms'] as const;
const FIELDS = ['senderName', 'replyTo', 'smsSender', 'events', 'quietFrom', 'quietTo', 'shabbatFrom', 'shabbatTo'] as const;
type Text = Exclude<(typeof FIELDS)[number], 'events'>;

/** Messaging settings: sender details, which events notify on which channel, and the quiet hours of marketing SMS. */
export function MessagingSection() {
  const { t } = useApp();
  return (
    <SettingsFormSection
      id="messaging"
      title={t('settings.messaging.title')}
      intro={t('settings.messaging.intro')}
      load={() => api.GET('/api/notifications/settings')}
      form={(form) => <MessagingForm {...form} />}
    />
  );
}

function MessagingForm(props: SettingsFormProps<Settings>) {
  const { t } = useApp();
  const s = props.settings;
  const [text, setText] = useState<Record<Text, string>>({
    senderName: s.senderName ?? '',
    replyTo: s.replyTo ?? '',
    smsSender: s.smsSender ?? '',
    quietFrom: s.quietFrom,
    quietTo: s.quietTo,
    shabbatFrom: s.shabbatFrom ?? '',
    shabbatTo: s.shabbatTo ?? '',
  });
  const [events, setEvents] = useState<Events>(s.events);
  const { errors, busy, run } = useSubmit(FIELDS);
  const set = (name: Text) => (value: string) => setText((v) => ({ ...v, [name]: value }));

  const toggle = (event: EventKey, channel: (typeof CHANNELS)[number], on: boolean) =>
    setEvents((e) => ({ ...e, [event]: on ? [...e[event].filter((c) => c !== channel), channel] : e[event].filter((c) => c !== channel) }));

  const submit = (event: Event) => {
    event.preventDefault();
    void run(
      () =>
        api.PUT('/api/notifications/settings', {
          body: {
            senderName: orNull(text.senderName),
            replyTo: orNull(text.replyTo),
            smsSender: orNull(text.smsSender),
            events,
            quietFrom: text.quietFrom.trim(),
            quietTo: text.quietTo.trim(),
            shabbatFrom: orNull(text.shabbatFrom),
            shabbatTo: orNull(text.shabbatTo),
          },
        }),
      props.onSaved,
    );
  };

  const field = (name: Text, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field name={name} label={label} value={text[name]} onValue={set(name)} error={errors.fields[name]} {...extra} />
  );
  return (
    <form onSubmit={submit} noValidate>
      <FormAlert message={errors.form} />
      <fieldset disabled={props.readOnly} class="plain">
        <div class="form-grid">
          {field('senderName', t('settings.messaging.senderName'))}
          {field('replyTo', t('settings.messaging.replyTo'), { type: 'email', dir: 'ltr' })}
          {field('smsSender', t('settings.messaging.smsSender'), { dir: 'ltr', hint: t('settings.messaging.smsSenderHint') })}
        </div>
        <div class="table-wrap">
          <table class="table events-table">
            <caption class="sr-only">{t('settings.messaging.events')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.messaging.event')}</th>
                {CHANNELS.map((c) => (
                  <th scope="col" key={c}>
                    {t(`notifications.channel.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {EVENTS.map((e) => (
                <tr key={e}>
                  <th scope="row">{templateLabel(t, e)}</th>
                  {CHANNELS.map((c) => (
                    <td key={c}>
                      <input
                        type="checkbox"
                        class="check"
                        aria-label={t('settings.messaging.eventOn', {
                          event: templateLabel(t, e),
                          channel: t(`notifications.channel.${c}`),
                        })}
                        checked={events[e].includes(c)}
                        onChange={(ev) => toggle(e, c, (ev.currentTarget as HTMLInputElement).checked)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {errors.fields.events && <p class="field-error">{errors.fields.events}</p>}
        <h3 class="subhead">{t('settings.messaging.quiet')}</h3>
        <p class="hint">{t('settings.messaging.quietHint')}</p>
        <div class="form-grid">
          {field('quietFrom', t('settings.messaging.quietFrom'), { dir: 'ltr', inputMode: 'numeric' })}
          {field('quietTo', t('settings.messaging.quietTo'), { dir: 'ltr', inputMode: 'numeric' })}
          {field('shabbatFrom', t('settings.messaging.shabbatFrom'), { dir: 'ltr', inputMode: 'numeric' })}
          {field('shabbatTo', t('settings.messaging.shabbatTo'), { dir: 'ltr', inputMode: 'numeric' })}
        </div>
      </fieldset>
      {props.readOnly ? (
        <p class="muted">{t('settings.readOnly')}</p>
      ) : (
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? t('settings.saving') : t('settings.messaging.save')}
          </button>
        </div>
      )}
    </form>
  );
}
