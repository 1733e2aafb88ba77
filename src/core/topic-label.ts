/**
 * A short name for one topic matched by a filter: the levels that the filter's wildcards
 * stood for, so `demo/+/+/telemetry` names `demo/lab/t-01/telemetry` "lab/t-01".
 * Falls back to the last level when the filter has no wildcard.
 */
export function wildcardLabel(filter: string, topic: string): string {
  const filterLevels = filter.startsWith('$share/')
    ? filter.split('/').slice(2)
    : filter.split('/');
  const topicLevels = topic.split('/');
  const parts: string[] = [];
  for (let i = 0; i < filterLevels.length; i += 1) {
    const level = filterLevels[i];
    if (level === '#') {
      parts.push(...topicLevels.slice(i));
      break;
    }
    if (level === '+') parts.push(topicLevels[i] ?? '');
  }
  if (parts.length === 0) return topicLevels[topicLevels.length - 1] ?? topic;
  return parts.join('/');
}

/**
 * Names for several topics matched by one filter, as short as they can be while still telling
 * the topics apart: `demo/+/+/temperature` names `demo/greenhouse/gh-01/temperature` "gh-01"
 * when no other site has a gh-01, and "greenhouse/gh-01" when one does.
 */
export function distinctLabels(filter: string, topics: readonly string[]): string[] {
  const parts = topics.map((topic) => wildcardLabel(filter, topic).split('/'));
  const longest = Math.max(0, ...parts.map((levels) => levels.length));
  for (let kept = 1; kept < longest; kept += 1) {
    const labels = parts.map((levels) => levels.slice(-kept).join('/'));
    if (new Set(labels).size === labels.length) return labels;
  }
  return parts.map((levels) => levels.join('/'));
}
