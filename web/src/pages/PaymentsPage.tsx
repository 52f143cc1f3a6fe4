import { PageTitle } from '../components/Shell';
import { useApp } from '../context';
import { hrefOf, useLocation } from '../router';
import { InvoicesTab } from './payments/InvoicesTab';
import { PaymentsTab } from './payments/PaymentsTab';
import { SummaryTab } from './payments/SummaryTab';
import './payments/payments.css';

const TABS = ['payments', 'invoices', 'summary'] as const;
type Tab = (typeof TABS)[number];

/** Payments and invoices: payment links and their status, documents and their PDFs, the bookkeeper's summary. */
export function PaymentsPage() {
  const { t } = useApp();
  const { search } = useLocation();
  const asked = new URLSearchParams(search).get('tab');
  const tab: Tab = TABS.find((x) => x === asked) ?? 'payments';
  return (
    <section aria-labelledby="page-title" class="payments-page">
      <PageTitle>{t('pay.title')}</PageTitle>
      <nav class="subnav" aria-label={t('pay.sections')}>
        {TABS.map((x) => (
          <a key={x} href={`${hrefOf('payments')}${x === 'payments' ? '' : `?tab=${x}`}`} aria-current={x === tab ? 'page' : undefined}>
            {t(`pay.tab.${x}`)}
          </a>
        ))}
      </nav>
      {tab === 'payments' && <PaymentsTab />}
      {tab === 'invoices' && <InvoicesTab />}
      {tab === 'summary' && <SummaryTab />}
    </section>
  );
}
