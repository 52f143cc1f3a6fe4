import { PageTitle } from '../components/Shell';
import { useApp } from '../context';
import type { PageId } from '../router';

type Later = Exclude<PageId, 'home' | 'customers'>;

/** The pages still to build on this foundation: their title and what they will hold. */
export function PlaceholderPage(props: { page: Later }) {
  const { t } = useApp();
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t(`nav.${props.page}`)}</PageTitle>
      <p>{t(`page.${props.page}.intro`)}</p>
      <p class="muted">{t('page.comingSoon')}</p>
    </section>
  );
}

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
