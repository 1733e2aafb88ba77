import { useId } from 'react';
import type { ReactNode } from 'react';
import { ErrorBoundary } from './error-boundary.tsx';

interface PanelProps {
  title: string;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** A titled card; the title labels the region for screen readers and tests. */
export function Panel({ title, actions, className, children }: PanelProps) {
  const headingId = useId();
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={headingId}>
      <header className="panel-header">
        <h2 id={headingId}>{title}</h2>
        {actions && <div className="panel-actions">{actions}</div>}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

/** A panel that fails alone: its frame and title stay, with what went wrong in its body. */
export function PanelBoundary({ title, children }: { title: string; children: ReactNode }) {
  return (
    <ErrorBoundary
      name={`The ${title} panel`}
      frame={(message) => <Panel title={title}>{message}</Panel>}
    >
      {children}
    </ErrorBoundary>
  );
}
