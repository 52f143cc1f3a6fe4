import './marketing/marketing.css';
import { useState } from 'preact/hooks';
import { PageTitle } from '../components/Shell';
import { Tabs } from '../components/Tabs';
import { useApp } from '../context';
import { SegmentsTab } from './marketing/SegmentsTab';

type Tab = 'segments';

/** Marketing: audiences (segments) built from rules, with a live count of who they select. */
export function MarketingPage() {
  const { t } = useApp();
  const [tab, setTab] = useState<Tab>('segments');
  return (
    <section aria-labelledby="page-title">
      <div class="page-head">
        <PageTitle>{t('marketing.title')}</PageTitle>
      </div>
      <Tabs
        label={t('marketing.sections')}
        selected={tab}
        onSelect={setTab}
        tabs={[{ id: 'segments', label: t('marketing.tab.segments') }]}
      >
        {tab === 'segments' && <SegmentsTab />}
      </Tabs>
    </section>
  );
}
