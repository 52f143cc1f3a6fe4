import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { PageTitle } from '../components/Shell';
import { useApp } from '../context';
import { hrefOf } from '../router';

/**
 * The day at a glance. For now: who is signed in, today's date in the
 * business's time zone, and the number of active customers. Today's
 * appointments, revenue and the charts come with GET /api/provider/stats.
 */
export function HomePage() {
  const { t, fmt, me } = useApp();
  const [customers, setCustomers] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    api
      .GET('/api/customers', { params: { query: { limit: 1 } } })
      .then(({ data }) => live && setCustomers(data?.meta.total ?? null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('home.greeting', { name: me?.name ?? '' })}</PageTitle>
      <p class="muted">{t('home.today', { date: fmt.longDate(new Date()) })}</p>
      <div class="cards">
        <div class="card">
          <h2 class="card-title">{t('home.customers')}</h2>
          <p class="card-figure">{customers === null ? '…' : fmt.number(customers)}</p>
          <a href={hrefOf('customers')}>{t('home.customersLink')}</a>
        </div>
      </div>
      <p class="muted">{t('home.statsPending')}</p>
    </section>
  );
}
