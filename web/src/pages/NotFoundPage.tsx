import { PageTitle } from '../components/Shell';
import { useApp } from '../context';

export function NotFoundPage() {
  const { t } = useApp();
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p>
        <a href="/dashboard">{t('notFound.back')}</a>
      </p>
    </section>
  );
}
