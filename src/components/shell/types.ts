export interface ShellResource {
  name: string;
  label: string;
  href: string;
  /** One of the names in `resourceIcons`; anything else shows a generic table icon. */
  icon?: string;
}

export interface ShellDomain {
  name: string;
  label: string;
  /** undefined = not checked; false shows the domain as unavailable. */
  healthy?: boolean;
  resources: ShellResource[];
}
