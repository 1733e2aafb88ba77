import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** Names what stopped, as in "The Messages panel stopped". */
  name: string;
  children: ReactNode;
  /** Wraps the message, so a panel's fallback keeps the panel's frame. */
  frame?: (message: ReactNode) => ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
}

/**
 * Keeps a failure inside one panel or widget: without it, an error in any component unmounts
 * the whole page and leaves it blank. The part that failed says why, where it was, and can be
 * tried again; everything else goes on.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.name} stopped:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const message = (
      <div className="crashed" role="alert">
        <p>
          {this.props.name} stopped because of an error: {error.message}. The rest of the page goes
          on.
        </p>
        <button
          type="button"
          className="button-secondary"
          onClick={() => this.setState({ error: null })}
        >
          Try again
        </button>
      </div>
    );
    return this.props.frame ? this.props.frame(message) : message;
  }
}
