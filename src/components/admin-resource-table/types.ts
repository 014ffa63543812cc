import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

export type IconColor = 'blue' | 'green' | 'amber' | 'rose' | 'violet';

export type SortDirection = 'asc' | 'desc';

export interface ResourceColumn<Row> {
  /** Unique per table; also the property read from the row when there is no `render`. */
  key: string;
  header: string;
  render?: (row: Row) => ReactNode;
  /** Applied to both the header and the body cells of this column. */
  className?: string;
  sortable?: boolean;
  /** Hidden by default but offered in the column chooser. */
  hidden?: boolean;
}

export interface ResourceSearch {
  placeholder?: string;
  value: string;
  /** Called ~250 ms after typing stops, or at once on Enter. */
  onChange: (value: string) => void;
}

export interface SortKey {
  key: string;
  direction: SortDirection;
}

/**
 * The table's sort. A click on a header sorts by that column alone (`onSortChange`). With
 * `onSortKeysChange`, a shift-click adds the column after the others (or flips its direction
 * if it is already sorted by) and the headers number the sort columns (1, 2…).
 */
export interface ResourceSort {
  /** The primary sort column (the one `aria-sort` marks). */
  key: string;
  direction: SortDirection;
  onSortChange: (key: string, direction: SortDirection) => void;
  /** Every sort column in order, the primary one first; default: `key` alone. */
  keys?: SortKey[];
  /** Shift-click: the whole new list of sort columns. Without it, a shift-click is a click. */
  onSortKeysChange?: (keys: SortKey[]) => void;
  /** Most columns a shift-click may sort by; adding one more replaces the last. Default 3. */
  maxKeys?: number;
}

export interface ResourceVisibleColumns {
  keys: string[];
  onChange: (keys: string[]) => void;
}

export interface ResourceSelection {
  /** Row keys (from `rowKey`); may include rows of other pages, which are left untouched. */
  selected: string[];
  onChange: (keys: string[]) => void;
  bulkActions?: ReactNode;
}

export interface ResourceEmptyState {
  title: string;
  description?: string;
  action?: ReactNode;
}

export interface ResourcePagination {
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Exact row count, or null when unknown or only estimated. */
  total: number | null;
  /** Shown instead of `total`, e.g. "about 1,000,000" or "many", already in the reader's language. */
  totalLabel?: string;
  /** An estimated total, worded by the table in the reader's language: "about N", or "many" when it is not even estimated. Wins over `totalLabel`. */
  estimate?: number | 'many';
  /** Beside the range ("Rows 1–50 of about 1,000,000"): e.g. a way to count exactly, or why the total is only estimated. */
  totalNote?: ReactNode;
  /** Offset paging: page buttons, previous/next and "go to page" call this. */
  onPageChange: (page: number) => void;
  hasNext?: boolean;
  hasPrevious?: boolean;
  /** Cursor paging: giving either switches previous/next to these and hides page numbers. */
  onNext?: () => void;
  onPrevious?: () => void;
}

export interface ResourceError {
  title: string;
  message: string;
  retry?: () => void;
  /** A control that can fix it (e.g. refreshing a materialized view), under the message. */
  action?: ReactNode;
}

export interface AdminResourceTableProps<Row> {
  title: string;
  subtitle?: string;
  icon?: LucideIcon;
  iconColor?: IconColor;
  /** Header buttons, e.g. "New post". */
  actions?: ReactNode;
  /** The title's heading level: 1 (default) on a list page, 2 for a table inside another page. */
  headingLevel?: 1 | 2;
  search?: ResourceSearch;
  /** Rendered in the filter bar below the header. */
  filters?: ReactNode;
  columns: Array<ResourceColumn<Row>>;
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Makes rows open this address on click or Enter. */
  rowHref?: (row: Row) => string;
  sort?: ResourceSort;
  /** Controls the column chooser; without it the chooser keeps its own state. */
  visibleColumns?: ResourceVisibleColumns;
  selection?: ResourceSelection;
  emptyState?: ResourceEmptyState;
  pagination?: ResourcePagination;
  loading?: boolean;
  /** Shown instead of the table. */
  error?: ResourceError;
  /** Only the page header, then `children`: lets form pages match list pages. */
  headersOnly?: boolean;
  children?: ReactNode;
}
