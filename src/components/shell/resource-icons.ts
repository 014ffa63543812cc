import {
  Database,
  FileText,
  Folder,
  Image as ImageIcon,
  LayoutDashboard,
  MessageSquare,
  Package,
  Receipt,
  ScrollText,
  Settings,
  ShoppingCart,
  Table,
  Tag,
  Users,
  type LucideIcon,
} from 'lucide-react';

/**
 * Icon names a resource may ask for. A fixed map rather than `import * as icons` so the bundle
 * carries these few icons instead of all of lucide, and a typo falls back instead of crashing.
 */
export const resourceIcons = {
  'file-text': FileText,
  users: Users,
  'shopping-cart': ShoppingCart,
  package: Package,
  tag: Tag,
  'message-square': MessageSquare,
  table: Table,
  database: Database,
  folder: Folder,
  image: ImageIcon,
  receipt: Receipt,
  settings: Settings,
  'layout-dashboard': LayoutDashboard,
  'scroll-text': ScrollText,
} as const satisfies Record<string, LucideIcon>;

export type ResourceIconName = keyof typeof resourceIcons;

export function isResourceIconName(name: string): name is ResourceIconName {
  return Object.hasOwn(resourceIcons, name);
}

export function resolveResourceIcon(name: string | undefined): LucideIcon {
  return name !== undefined && isResourceIconName(name) ? resourceIcons[name] : Table;
}
