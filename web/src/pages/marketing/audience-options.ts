import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useApp } from '../../context';
import type { Choices } from './RuleBuilder';
import type { AudienceField } from './rule-draft';

/** What the rule builder offers: the audience fields (null while loading), and the services and events a rule can name. */
export function useAudienceOptions(): { fields: AudienceField[] | null; choices: Choices } {
  const { fmt } = useApp();
  const [fields, setFields] = useState<AudienceField[] | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  useEffect(() => {
    void Promise.all([
      api.GET('/api/segments/fields'),
      api.GET('/api/services', { params: { query: { limit: 100 } } }),
      api.GET('/api/events', { params: { query: { limit: 100 } } }),
    ])
      .then(([f, s, e]) => {
        setFields(f.data ?? []);
        setChoices({
          bookedService: (s.data?.data ?? []).map((x) => ({ value: x.id, label: x.name })),
          registeredEvent: (e.data?.data ?? []).map((x) => ({ value: x.id, label: `${x.title} (${fmt.longDate(x.startsAt)})` })),
        });
      })
      .catch(() => setFields([]));
  }, []);
  return { fields, choices };
}
