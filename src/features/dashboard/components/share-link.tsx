import { encodeDashboardLink } from '../dashboard-link.ts';
import type { Dashboard } from '../dashboard-model.ts';

/** A link made to share a dashboard, and whether the clipboard took it. */
export type MadeLink = { url: string; copied: boolean };

interface CopyLinkButtonProps {
  dashboard: Dashboard | undefined;
  /** The broker the dashboard reads, without credentials. */
  brokerUrl: string | null;
  onMade: (link: MadeLink) => void;
  onRefused: (reason: string) => void;
}

/**
 * "Copy link": a URL whose fragment carries the dashboard shown (widget specs and the broker's
 * address only), put on the clipboard.
 */
export function CopyLinkButton({ dashboard, brokerUrl, onMade, onRefused }: CopyLinkButtonProps) {
  const copy = async () => {
    if (!dashboard) return;
    const link = await encodeDashboardLink(dashboard, brokerUrl);
    if (!link.ok) {
      onRefused(link.reason);
      return;
    }
    const url = `${location.origin}${location.pathname}#${link.fragment}`;
    let copied = true;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      copied = false;
    }
    onMade({ url, copied });
  };
  return (
    <button
      type="button"
      className="button-secondary"
      onClick={() => void copy()}
      disabled={!dashboard || dashboard.widgets.length === 0}
    >
      Copy link
    </button>
  );
}

/** The link just made, in a read-only field to copy by hand. */
export function LinkField({ link, onHide }: { link: MadeLink; onHide: () => void }) {
  return (
    <div className="share-link" role="group" aria-label="Shareable link">
      <label className="inline-field share-link-field">
        Link to this dashboard
        <input readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <span role="status">
        {link.copied
          ? 'Copied to the clipboard. It holds the widgets and the broker address, no password.'
          : 'The browser did not allow the clipboard: copy the link from the field.'}
      </span>
      <button type="button" className="button-ghost" onClick={onHide}>
        Hide link
      </button>
    </div>
  );
}
