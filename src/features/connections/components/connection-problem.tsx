import { useNow } from '../../../components/ui/use-now.ts';
import type { ConnectionStatus } from '../../../services/mqtt/index.ts';

/** Seconds until `at`, for "retrying in 4 s". */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1_000));
}

/**
 * What is wrong with a connection and what to do, where the user is looking: a refusal is an
 * alert; a retry says why, when it tries again, and how to inspect a certificate.
 */
export function ConnectionProblem({ status }: { status: ConnectionStatus }) {
  const reconnecting = status.status === 'reconnecting';
  const now = useNow(reconnecting);
  if (status.status === 'error') {
    return (
      <div className="connection-problem" role="alert">
        <p className="form-error">{status.reason}</p>
        {status.hint && <p className="form-note">{status.hint}</p>}
        {status.inspectUrl && (
          <p className="form-note">
            <a href={status.inspectUrl} target="_blank" rel="noreferrer noopener">
              Open {status.inspectUrl}
            </a>
          </p>
        )}
      </div>
    );
  }
  if (!reconnecting) return null;
  const seconds = secondsUntil(status.retryAt, now);
  return (
    <div className="connection-problem">
      <p className="form-note">{status.reason}</p>
      {status.hint && <p className="form-note">{status.hint}</p>}
      <p className="form-note" aria-live="polite">
        {seconds > 0 ? `Trying again in ${seconds} s` : 'Trying again now'} (attempt{' '}
        {status.attempt}).
      </p>
    </div>
  );
}
