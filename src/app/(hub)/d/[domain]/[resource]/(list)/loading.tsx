import { AdminResourceTableSkeleton } from '@/components/admin-resource-table';

export default function Loading() {
  return <AdminResourceTableSkeleton />;
}
