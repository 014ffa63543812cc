import Link from 'next/link';

export default function Forbidden() {
  return (
    <main className="mx-auto flex max-w-md flex-col gap-3 p-10 text-center">
      <h1 className="text-2xl font-semibold">No access</h1>
      <p className="text-muted-foreground">Your roles do not include this page. Ask a superadmin if you need it.</p>
      <Link className="text-primary underline" href="/">
        Back to the hub
      </Link>
    </main>
  );
}
