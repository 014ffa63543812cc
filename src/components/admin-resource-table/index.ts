export { AdminResourceTable } from './admin-resource-table';
export { AdminResourceTableSkeleton, type AdminResourceTableSkeletonProps } from './admin-resource-table-skeleton';
export { iconColorClasses } from './icon-colors';
export { rangeText } from './pagination-math';
export type {
  AdminResourceTableProps,
  IconColor,
  ResourceColumn,
  ResourceEmptyState,
  ResourceError,
  ResourcePagination,
  ResourceSearch,
  ResourceSelection,
  ResourceSort,
  ResourceVisibleColumns,
  SortDirection,
  SortKey,
} from './types';
export { ResourceHeader, type ResourceHeaderProps } from './resource-header';
