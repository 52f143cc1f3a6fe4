import { useApp } from '../context';

/** Previous / "page N of M" / next under a list; nothing when everything fits on one page. */
export function Pager(props: { page: number; pages: number | null; label: string; onPage(page: number): void }) {
  const { t, fmt } = useApp();
  const { page, pages } = props;
  if (pages === null || pages <= 1) return null;
  return (
    <nav class="pager" aria-label={props.label}>
      <button type="button" class="button" disabled={page <= 1} onClick={() => props.onPage(page - 1)}>
        {t('customers.prev')}
      </button>
      <span>{t('customers.page', { page: fmt.number(page), pages: fmt.number(pages) })}</span>
      <button type="button" class="button" disabled={page >= pages} onClick={() => props.onPage(page + 1)}>
        {t('customers.next')}
      </button>
    </nav>
  );
}
