import { readDashboard } from './dashboard-model.ts';
import type { Dashboard } from './dashboard-model.ts';
import { isFields, SpecProblem } from './widgets/spec-reader.ts';

/** What marks an exported file as ours, and the version of its layout. */
export const DASHBOARD_FILE_FORMAT = 'mqtt-scope-dashboard';
export const DASHBOARD_FILE_VERSION = 1;

/** The text of an exported dashboard: our marker, a version, and the dashboard. */
export function exportDashboard(dashboard: Dashboard): string {
  return `${JSON.stringify(
    { format: DASHBOARD_FILE_FORMAT, version: DASHBOARD_FILE_VERSION, dashboard },
    null,
    2,
  )}\n`;
}

export type ImportResult = { ok: true; dashboard: Dashboard } | { ok: false; reason: string };

/** A dashboard file read back, or the reason it is refused, in words for the user. */
export function importDashboard(fileText: string): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fileText);
  } catch {
    return { ok: false, reason: 'The file is not JSON, so it is not an MQTT Scope dashboard.' };
  }
  if (!isFields(parsed) || parsed.format !== DASHBOARD_FILE_FORMAT) {
    return {
      ok: false,
      reason: `The file is not an MQTT Scope dashboard: it has no "format": "${DASHBOARD_FILE_FORMAT}".`,
    };
  }
  const { version } = parsed;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'The dashboard file has no valid "version".' };
  }
  if (version > DASHBOARD_FILE_VERSION) {
    return {
      ok: false,
      reason: `The dashboard was saved by a newer MQTT Scope (file version ${version}; this one reads version ${DASHBOARD_FILE_VERSION}). Update MQTT Scope to open it.`,
    };
  }
  try {
    return { ok: true, dashboard: readDashboard(parsed.dashboard) };
  } catch (error) {
    if (!(error instanceof SpecProblem)) throw error;
    return { ok: false, reason: `The dashboard file is damaged: ${error.message}.` };
  }
}
