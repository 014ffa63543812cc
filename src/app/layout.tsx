import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  // Pages give their own part ("Orders · Market"); every tab then reads "… · Admin Hub".
  title: { default: 'Admin Hub', template: '%s · Admin Hub' },
  description: 'One audited, access-controlled admin for every product database.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-background text-foreground antialiased">{children}</body>
    </html>
  );
}
