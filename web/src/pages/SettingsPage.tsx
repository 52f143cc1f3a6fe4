import './admin.css';
import { useState } from 'preact/hooks';
import { PageTitle } from '../components/Shell';
import { Tabs } from '../components/Tabs';
import { useApp } from '../context';
import { ApiKeysSection } from './settings/ApiKeysSection';
import { BookingSection } from './settings/BookingSection';
import { BusinessSection } from './settings/BusinessSection';
import { canManage } from './settings/common';
import { DocumentsSection } from './settings/DocumentsSection';
import { LinksSection } from './settings/LinksSection';
import { MessagingSection } from './settings/MessagingSection';
import { PaymentsSection } from './settings/PaymentsSection';
import { TeamSection } from './settings/TeamSection';

type Tab = 'business' | 'documents' | 'team' | 'keys' | 'payments' | 'messaging' | 'booking' | 'links';

/**
 * Settings, one tab per section, each saving on its own. Staff see what the API
 * lets them read (read-only); members, API keys and the payment gateway are
 * for owners and admins, and only an owner changes the gateway.
 */
export function SettingsPage() {
  const { t, me } = useApp();
  const manager = canManage(me?.role);
  const tabs = (
    [
      { id: 'business', label: t('settings.tab.business') },
      { id: 'documents', label: t('settings.tab.documents') },
      manager && { id: 'team', label: t('settings.tab.team') },
      manager && { id: 'keys', label: t('settings.tab.keys') },
      manager && { id: 'payments', label: t('settings.tab.payments') },
      { id: 'messaging', label: t('settings.tab.messaging') },
      { id: 'booking', label: t('settings.tab.booking') },
      { id: 'links', label: t('settings.tab.links') },
    ] as const
  ).filter((tab): tab is { id: Tab; label: string } => Boolean(tab));
  const [tab, setTab] = useState<Tab>('business');
  return (
    <section aria-labelledby="page-title">
      <div class="page-head">
        <PageTitle>{t('settings.title')}</PageTitle>
      </div>
      <Tabs label={t('settings.sections')} selected={tab} onSelect={setTab} tabs={tabs}>
        {tab === 'business' && <BusinessSection />}
        {tab === 'documents' && <DocumentsSection />}
        {tab === 'team' && <TeamSection />}
        {tab === 'keys' && <ApiKeysSection />}
        {tab === 'payments' && <PaymentsSection />}
        {tab === 'messaging' && <MessagingSection />}
        {tab === 'booking' && <BookingSection />}
        {tab === 'links' && <LinksSection />}
      </Tabs>
    </section>
  );
}
