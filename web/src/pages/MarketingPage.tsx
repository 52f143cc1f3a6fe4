import './marketing/marketing.css';
import { useState } from 'preact/hooks';
import { PageTitle } from '../components/Shell';
import { Tabs } from '../components/Tabs';
import { useApp } from '../context';
import { AutomationsTab } from './marketing/AutomationsTab';
import { SegmentsTab } from './marketing/SegmentsTab';

type Tab = 'segments' | 'automations';

/** Marketing: audiences (segments) built from rules, with a live count of who they select; automations and their runs. */
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
        tabs={[
          { id: 'segments', label: t('marketing.tab.segments') },
          { id: 'automations', label: t('marketing.tab.automations') },
        ]}
      >
        {tab === 'segments' && <SegmentsTab />}
        {tab === 'automations' && <AutomationsTab />}
      </Tabs>
    </section>
  );
}
