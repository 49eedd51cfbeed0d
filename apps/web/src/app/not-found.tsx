import { PageHeader, buttonClasses } from '@tessera/ui';
import Link from 'next/link';

export default function NotFound() {
  return (
    <>
      <PageHeader title="Page not found" description="This page does not exist or has moved." />
      <Link href="/" className={buttonClasses({ variant: 'secondary' })}>
        See what is on sale
      </Link>
    </>
  );
}
