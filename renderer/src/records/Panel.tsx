import type { ReactNode } from 'react';

/** One boxed tool on the data tab, under its heading. */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return <section className="records-box"><h3>{title}</h3>{children}</section>;
}
