import { forbidden } from 'next/navigation';
import { OperatorsListView } from '@/components/operators/operators-list-view';
import { listOperators, operatorsResource, type OperatorList } from '@admin-hub/engine/operators/manage';
import type { SearchParams } from '@admin-hub/engine/list/list-query';
import { requirePageOperator } from '@/web/operator';
import { describePageError } from '@/web/page-guard';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { superadminMetadata } from '@/app/page-titles';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return superadminMetadata((await getTranslations('operators'))('title'));
}

const empty: OperatorList = {
  rows: [],
  columns: [],
  sort: operatorsResource.defaultSort,
  search: undefined,
  pageSize: operatorsResource.pageSize,
  page: undefined,
  next: null,
  previous: null,
  count: { value: 0, exact: true, label: '0' },
  trash: false,
};

/** Operators of this hub (superadmins only), listed through the list engine like any table. */
export default async function OperatorsPage(props: { searchParams: Promise<SearchParams> }) {
  const operator = await requirePageOperator('/operators');
  if (!operator.superadmin) forbidden();
  const t = await getTranslations('operators');
  const outcome = await listOperators(operator, await props.searchParams).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => {
      const { status, message } = describePageError(error);
      if (status === 403) forbidden();
      return { result: empty, error: { title: status === 400 ? t('invalidListParameters') : t('notLoaded'), message } };
    },
  );
  return <OperatorsListView result={outcome.result} error={outcome.error} />;
}
