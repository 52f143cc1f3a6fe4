import './admin.css';
import { useState } from 'preact/hooks';
import { PageTitle } from '../components/Shell';
import { Tabs } from '../components/Tabs';
import { useApp } from '../context';
import { HistoryTab } from './notifications/HistoryTab';
import { SendTab } from './notifications/SendTab';
import { TemplatesTab } from './notifications/TemplatesTab';

type Tab = 'history' | 'send' | 'templates';

/** Notifications: the message log (details, retry), sending a message, and the templates with a live preview. */
export function NotificationsPage() {
  const { t } = useApp();
  const [tab, setTab] = useState<Tab>('history');
  const [sent, setSent] = useState(0);
  return (
    <section aria-labelledby="page-title">
      <div class="page-head">
        <PageTitle>{t('notifications.title')}</PageTitle>
      </div>
      <Tabs
        label={t('notifications.sections')}
        selected={tab}
        onSelect={setTab}
        tabs={[
          { id: 'history', label: t('notifications.tab.history') },
          { id: 'send', label: t('notifications.tab.send') },
          { id: 'templates', label: t('notifications.tab.templates') },
        ]}
      >
        {tab === 'history' && <HistoryTab key={sent} />}
        {tab === 'send' && (
          <SendTab
            onSent={() => {
              setSent((n) => n + 1);
              setTab('history');
            }}
          />
        )}
        {tab === 'templates' && <TemplatesTab />}
      </Tabs>
    </section>
  );
}
