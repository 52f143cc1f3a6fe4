import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { formErrors } from '../../api/problem';
import { CopyRow } from '../../components/CopyButton';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import { FormAlert, Loading, Section, useLoad, useSubmit, type Role } from './common';

type Member = Schemas['MemberDto'];
const FIELDS = ['email', 'name', 'role'] as const;

/**
 * Members and invitations (owners and admins): invite by email, change a role,
 * remove a member or revoke an invitation. Only an owner gives or takes the owner role.
 */
export function TeamSection() {
  const { t, fmt, me, announce } = useApp();
  const load = useLoad(() => api.GET('/api/business/members', { params: { query: { limit: 100 } } }));
  const [inviteUrl, setInviteUrl] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const isOwner = me?.role === 'owner';
  const roles = (isOwner ? ['owner', 'admin', 'staff'] : ['admin', 'staff']) as Role[];
  const roleOptions = roles.map((r) => ({ value: r, label: t(`settings.role.${r}`) }));

  const act = async (send: () => Promise<{ error?: Schemas['ProblemDetails']; response: Response }>, done: string) => {
    setRowError(null);
    try {
      const result = await send();
      if (result.response.ok) announce(done);
      else setRowError(formErrors(result.error, result.response.status, [], t).form ?? null);
    } catch {
      setRowError(t('errors.network'));
    }
    load.reload();
  };

  const members = load.data?.data ?? [];
  return (
    <Section id="team" title={t('settings.team.title')} intro={t('settings.team.intro')}>
      <InviteForm
        roleOptions={roleOptions}
        onInvited={(invited) => {
          announce(t('settings.team.invited', { email: invited.email }));
          setInviteUrl(invited.inviteUrl ?? null);
          load.reload();
        }}
      />
      {inviteUrl && (
        <div class="secret" role="region" aria-label={t('settings.team.inviteLink')}>
          <p>{t('settings.team.inviteLinkHint')}</p>
          <CopyRow text={inviteUrl} label={t('settings.team.inviteLink')} copyLabel={t('settings.copy')} />
        </div>
      )}
      <FormAlert message={rowError} />
      {!load.data ? (
        <Loading error={load.error} />
      ) : (
        <div class="table-wrap">
          <table class="table rows-table members-table">
            <caption class="sr-only">{t('settings.team.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.team.col.name')}</th>
                <th scope="col">{t('settings.team.col.email')}</th>
                <th scope="col">{t('settings.team.col.status')}</th>
                <th scope="col">{t('settings.team.col.role')}</th>
                <th scope="col">{t('settings.team.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m: Member) => {
                const self = m.userId === me?.id;
                const locked = self || (m.role === 'owner' && !isOwner);
                return (
                  <tr key={m.id}>
                    <th scope="row" data-label={t('settings.team.col.name')}>
                      {m.name}
                      {self && <span class="badge">{t('settings.team.you')}</span>}
                    </th>
                    <td data-label={t('settings.team.col.email')}>
                      <bdi dir="ltr">{m.email}</bdi>
                    </td>
                    <td data-label={t('settings.team.col.status')}>
                      {m.status === 'invited' ? t('settings.team.invitedStatus') : t('settings.team.active')}
                      <span class="muted small"> · {fmt.dateTime(m.createdAt)}</span>
                    </td>
                    <td data-label={t('settings.team.col.role')}>
                      {locked ? (
                        t(`settings.role.${m.role}`)
                      ) : (
                        <select
                          class="inline-select"
                          aria-label={t('settings.team.roleOf', { name: m.name })}
                          value={m.role}
                          onChange={(event) => {
                            const role = (event.currentTarget as HTMLSelectElement).value as Role;
                            void act(
                              () => api.PATCH('/api/business/members/{id}', { params: { path: { id: m.id } }, body: { role } }),
                              t('settings.team.roleChanged', { name: m.name }),
                            );
                          }}
                        >
                          {roleOptions.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      )}
                    </td>
                    <td data-label={t('settings.team.col.actions')}>
                      {!locked && (
                        <button
                          type="button"
                          class="button button-small button-quiet"
                          onClick={() =>
                            act(
                              () => api.DELETE('/api/business/members/{id}', { params: { path: { id: m.id } } }),
                              t(m.status === 'invited' ? 'settings.team.revoked' : 'settings.team.removed', { name: m.name }),
                            )
                          }
                        >
                          {m.status === 'invited' ? t('settings.team.revoke') : t('settings.team.remove')}
                          <span class="sr-only"> {m.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function InviteForm(props: { roleOptions: { value: string; label: string }[]; onInvited(m: Schemas['InvitedMemberDto']): void }) {
  const { t } = useApp();
  const [values, setValues] = useState({ email: '', name: '', role: 'staff' });
  const { errors, setErrors, busy, run } = useSubmit(FIELDS);
  const set = (name: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const submit = (event: Event) => {
    event.preventDefault();
    if (!values.email.trim()) return setErrors({ fields: { email: t('errors.required') }, form: t('errors.form') });
    void run(
      () =>
        api.POST('/api/business/members', {
          body: { email: values.email.trim(), role: values.role as Role, ...(values.name.trim() ? { name: values.name.trim() } : {}) },
        }),
      (invited) => {
        setValues({ email: '', name: '', role: 'staff' });
        props.onInvited(invited);
      },
    );
  };
  return (
    <form class="invite-form" onSubmit={submit} noValidate aria-label={t('settings.team.invite')}>
      <FormAlert message={errors.form} />
      <div class="form-grid">
        <Field
          name="email"
          label={t('settings.team.email')}
          type="email"
          dir="ltr"
          required
          value={values.email}
          onValue={set('email')}
          error={errors.fields.email}
          autoComplete="off"
        />
        <Field name="name" label={t('settings.team.name')} value={values.name} onValue={set('name')} error={errors.fields.name} />
        <Field
          name="role"
          label={t('settings.team.role')}
          as="select"
          value={values.role}
          onValue={set('role')}
          error={errors.fields.role}
          options={props.roleOptions}
        />
      </div>
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {t('settings.team.invite')}
        </button>
      </div>
    </form>
  );
}
