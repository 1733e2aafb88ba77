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
