import type { ExportFormat, SearchHandle } from '../../services/mqtt/index.ts';
import { openExportFile } from './export-file.ts';
import type { ExportFile } from './export-file.ts';
import type { MessageView } from './messages-store.ts';

/**
 * Starts writing the finished search's matches to a file the user picks. Nothing starts when
 * the user closes the save dialog, or when the list moved on to another search meanwhile.
 */
export async function startExport(
  view: MessageView,
  search: SearchHandle,
  format: ExportFormat,
  connectionNames: Record<string, string>,
  open: (format: ExportFormat) => Promise<ExportFile | null> = openExportFile,
): Promise<void> {
  const { source } = view.getState();
  if (source.kind !== 'recorded' || !source.status?.done) return;
  const file = await open(format);
  if (!file) return;
  const now = view.getState();
  if (now.source.kind !== 'recorded' || now.source.queryId !== source.queryId) {
    file.abort();
    return;
  }
  cancelRunning(view, search);
  view.exportTarget.file = file;
  const exportId = search.exportMatches(source.queryId, format, connectionNames);
  view.setState({
    exporting: {
      exportId,
      format,
      written: 0,
      total: now.source.status?.matched ?? 0,
      done: false,
      error: null,
    },
  });
}

/** Cancels a running export (its half-written file is dropped) or dismisses a failed one. */
export function endExport(view: MessageView, search: SearchHandle): void {
  cancelRunning(view, search);
  view.setState({ exporting: null });
}

function cancelRunning(view: MessageView, search: SearchHandle): void {
  const { exporting } = view.getState();
  if (exporting && !exporting.done) search.cancelExport(exporting.exportId);
  view.exportTarget.file?.abort();
  view.exportTarget.file = null;
}
