/**
 * Message counts and sensor health per topic level, kept as a tree. Recording a message is
 * O(levels) and allocates nothing for a topic seen before. A view walks every node once, without
 * recursion (rates, stale topics and search matches add up towards the root), and builds rows
 * only for the branches it shows, so 10,000 topics cost one pass while their parent is collapsed.
 */
import type { SparkplugState } from './sparkplug-states.ts';

/** A topic is stale when it has been silent for this many of its usual intervals… */
export const STALE_FACTOR = 3;
/** …and for at least this long: a 10 Hz topic is not stale after 300 ms of silence. */
export const STALE_FLOOR_MS = 2_000;
/** Gaps a topic needs for a usual interval: a one-off or retained-only topic never goes stale. */
export const MIN_GAPS = 2;
/** Weight of the newest gap in the smoothed interval: a few messages adapt it to a new pace. */
const GAP_SMOOTHING = 0.25;
/** Messages per second are counted over this window (two buckets, the older one pro rata). */
export const RATE_WINDOW_MS = 5_000;
/** While rates fall after the messages stop, the view is worth redrawing this often. */
const RATE_REFRESH_MS = 1_000;

/** How long a topic whose usual interval is `intervalMs` may be silent before it is stale. */
export function staleAfterMs(intervalMs: number): number {
  return Math.max(STALE_FACTOR * intervalMs, STALE_FLOOR_MS);
}

/**
 * The usual interval after one more gap: an exponentially smoothed mean. A gap past the stale
 * line is an outage, not the topic's pace, so it counts only up to that line: one long silence
 * must not teach the topic that it is slow and hide the next one.
 */
export function smoothInterval(intervalMs: number, gapsSoFar: number, gapMs: number): number {
  const gap = Math.max(0, gapMs);
  if (gapsSoFar === 0) return gap;
  return intervalMs + (Math.min(gap, staleAfterMs(intervalMs)) - intervalMs) * GAP_SMOOTHING;
}

interface TopicNode<T> {
  name: string;
  path: string;
  depth: number;
  parent: TopicNode<T> | null;
  children: Map<string, TopicNode<T>> | null;
  /** Messages on this topic and all topics below it. */
  messages: number;
  /** Distinct topics at or below this node that carried a message. */
  topics: number;
  lastTime: number;
  /** Messages on exactly this topic (0 for a pure intermediate level). */
  ownMessages: number;
  ownLastTime: number;
  /** What the last message on exactly this topic left for the "last value" column. */
  last: T | null;
  retained: boolean;
  intervalMs: number;
  gaps: number;
  rateBucket: number;
  rateCount: number;
  ratePrevious: number;
  /** Lower-cased path, made on the first search. */
  searchPath: string | null;
  // Filled by each view's walk, for this node and everything below it.
  rate: number;
  staleTopics: number;
  matches: number;
  selfMatch: boolean;
}

export interface TopicTreeRow {
  path: string;
  name: string;
  depth: number;
  messages: number;
  topics: number;
  /** The node carries messages itself, not only through its children. */
  isTopic: boolean;
  childCount: number;
  expanded: boolean;
  lastTime: number;
  /** Readable head of the last payload on exactly this topic. */
  lastValue: string;
  /** Messages per second at and below this level, over the last few seconds. */
  rate: number;
  /** The last message on exactly this topic was retained and not empty: the broker keeps it. */
  retained: boolean;
  /** This topic has been silent for much longer than its usual interval. */
  stale: boolean;
  /** Stale topics at and below this level. */
  staleTopics: number;
  /** The smoothed gap between this topic's messages; null until it has enough of them. */
  usualIntervalMs: number | null;
}

export interface TopicTreeView {
  rows: TopicTreeRow[];
  /** Rows left out because the view is capped. */
  hiddenRows: number;
  totalTopics: number;
  staleTopics: number;
  /** The search the rows were chosen by ('' for none) and the topics it matched. */
  filter: string;
  matchedTopics: number;
  /** Sparkplug B edge nodes and devices, online or offline; set by the sink when there are any. */
  sparkplug?: SparkplugState[];
}

/** What `countMatching` finds for a filter. */
export interface TopicCount {
  messages: number;
  /** When the newest matching message came (ms since the epoch); 0 when none did. */
  lastTime: number;
}

export interface TopicTreeViewOptions<T> {
  expanded: ReadonlySet<string>;
  maxRows: number;
  /** Turns what a topic kept into text; runs only for the rows returned. */
  describe: (last: T) => string;
  now: number;
  /** Only topics whose path contains this (any case) are shown, with their branches open. */
  filter?: string;
  /**
   * Whether the connection still subscribes to a topic: one nobody listens to any more is
   * silent by choice, not stale. Absent: every topic is listened to.
   */
  watched?: (topic: string) => boolean;
}

function newNode<T>(name: string, path: string, parent: TopicNode<T> | null): TopicNode<T> {
  return {
    name,
    path,
    depth: parent ? parent.depth + 1 : -1,
    parent,
    children: null,
    messages: 0,
    topics: 0,
    lastTime: 0,
    ownMessages: 0,
    ownLastTime: 0,
    last: null,
    retained: false,
    intervalMs: 0,
    gaps: 0,
    rateBucket: 0,
    rateCount: 0,
    ratePrevious: 0,
    searchPath: null,
    rate: 0,
    staleTopics: 0,
    matches: 0,
    selfMatch: false,
  };
}

const ALL = () => true;

const isStaleAt = <T>(node: TopicNode<T>, now: number) =>
  node.gaps >= MIN_GAPS && now - node.ownLastTime > staleAfterMs(node.intervalMs);

/** Sliding-window estimate: the current bucket plus the share of the previous one still inside. */
function rateAt<T>(node: TopicNode<T>, now: number): number {
  const bucket = Math.floor(now / RATE_WINDOW_MS);
  const outside = (now - bucket * RATE_WINDOW_MS) / RATE_WINDOW_MS;
  let count = 0;
  if (bucket === node.rateBucket) count = node.rateCount + node.ratePrevious * (1 - outside);
  else if (bucket === node.rateBucket + 1) count = node.rateCount * (1 - outside);
  return (count * 1000) / RATE_WINDOW_MS;
}

/** `T` is what a topic keeps of its last message (the message itself, or its payload). */
export class TopicTree<T = Uint8Array> {
  private readonly root = newNode<T>('', '', null);
  /** Topic → its node, so a known topic never splits its string again. */
  private readonly byTopic = new Map<string, TopicNode<T>>();
  private nextChange: number | null = null;

  get topicCount(): number {
    return this.root.topics;
  }

  /**
   * When the view changes even if no message arrives (a topic goes stale, a rate falls), as of
   * the last view; null when it would stay as it is.
   */
  get nextChangeAt(): number | null {
    return this.nextChange;
  }

  /**
   * Returns true the first time a topic is seen. `retained`: the broker keeps this message
   * (retained and not empty; an empty retained message deletes the broker's copy).
   */
  record(topic: string, last: T, time: number, retained = false): boolean {
    let node = this.byTopic.get(topic);
    if (!node) node = this.insert(topic);
    const isNewTopic = node.ownMessages === 0;
    if (!isNewTopic) {
      node.intervalMs = smoothInterval(node.intervalMs, node.gaps, time - node.ownLastTime);
      node.gaps += 1;
    }
    node.ownMessages += 1;
    node.ownLastTime = time;
    node.last = last;
    node.retained = retained;
    const bucket = Math.floor(time / RATE_WINDOW_MS);
    if (bucket !== node.rateBucket) {
      node.ratePrevious = bucket === node.rateBucket + 1 ? node.rateCount : 0;
      node.rateCount = 0;
      node.rateBucket = bucket;
    }
    node.rateCount += 1;
    for (let at: TopicNode<T> | null = node; at; at = at.parent) {
      at.messages += 1;
      at.lastTime = time;
      if (isNewTopic) at.topics += 1;
    }
    return isNewTopic;
  }

  /**
   * Messages so far on the topics a filter matches, and when the newest of them came (0: none).
   * `levels` is the filter split at `/` (`filterLevels`). Walks only the branches the filter can
   * match, and a `#` takes its level's running total, so `sensors/#` costs one lookup per level.
   * `a/#` counts `a` itself too (MQTT 5 §4.7.1.2); a first-level `+` or `#` skips `$` topics
   * (§4.7.2).
   */
  countMatching(levels: readonly string[]): TopicCount {
    const total: TopicCount = { messages: 0, lastTime: 0 };
    const add = (messages: number, time: number) => {
      total.messages += messages;
      if (messages > 0 && time > total.lastTime) total.lastTime = time;
    };
    const visit = (node: TopicNode<T>, depth: number): void => {
      const level = levels[depth];
      if (level === undefined) return add(node.ownMessages, node.ownLastTime);
      if (level === '#' && node !== this.root) return add(node.messages, node.lastTime);
      if (!node.children) return;
      if (level === '#' || level === '+') {
        for (const child of node.children.values()) {
          if (depth === 0 && child.name.startsWith('$')) continue;
          if (level === '#') add(child.messages, child.lastTime);
          else visit(child, depth + 1);
        }
        return;
      }
      const child = node.children.get(level);
      if (child) visit(child, depth + 1);
    };
    if (levels.length > 0) visit(this.root, 0);
    return total;
  }

  /** The rows of the open part of the tree (or of the search's matches), depth first, by name. */
  view({
    expanded,
    maxRows,
    describe,
    now,
    filter = '',
    watched = ALL,
  }: TopicTreeViewOptions<T>): TopicTreeView {
    const needle = filter.trim().toLowerCase();
    this.measure(now, needle, watched);
    const isOpen = (node: TopicNode<T>) =>
      needle ? node.matches > (node.selfMatch ? 1 : 0) : expanded.has(node.path);
    const rows: TopicTreeRow[] = [];
    let hiddenRows = 0;
    const stack: TopicNode<T>[] = [];
    const pushChildren = (node: TopicNode<T>) => {
      if (!node.children) return;
      const names = [...node.children.keys()].sort(compareLevels);
      for (let i = names.length - 1; i >= 0; i -= 1) {
        const child = node.children.get(names[i] ?? '');
        if (child && (!needle || child.matches > 0)) stack.push(child);
      }
    };
    pushChildren(this.root);
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (rows.length >= maxRows) {
        hiddenRows += 1;
        continue;
      }
      const open = isOpen(node);
      const isTopic = node.ownMessages > 0;
      rows.push({
        path: node.path,
        name: node.name,
        depth: node.depth,
        messages: node.messages,
        topics: node.topics,
        isTopic,
        childCount: node.children?.size ?? 0,
        expanded: open,
        lastTime: node.lastTime,
        lastValue: node.last !== null ? describe(node.last) : '',
        rate: node.rate,
        retained: node.retained,
        stale: isTopic && node.staleTopics === 1,
        staleTopics: node.staleTopics,
        usualIntervalMs: node.gaps >= MIN_GAPS ? node.intervalMs : null,
      });
      if (open) pushChildren(node);
    }
    return {
      rows,
      hiddenRows,
      totalTopics: this.root.topics,
      staleTopics: this.root.staleTopics,
      filter: needle,
      matchedTopics: needle ? this.root.matches : this.root.topics,
    };
  }

  clear(): void {
    this.root.children = null;
    this.root.messages = 0;
    this.root.topics = 0;
    this.byTopic.clear();
    this.nextChange = null;
  }

  /** Rates, stale topics and search matches of every node, summed from the leaves up. */
  private measure(now: number, needle: string, watched: (topic: string) => boolean): void {
    const walk: TopicNode<T>[] = [];
    let nextChange = Infinity;
    const stack: TopicNode<T>[] = [this.root];
    for (let node = stack.pop(); node; node = stack.pop()) {
      walk.push(node);
      node.rate = 0;
      node.staleTopics = 0;
      node.selfMatch = false;
      if (node.ownMessages > 0) {
        node.rate = rateAt(node, now);
        if (!watched(node.path)) {
          // Unsubscribed: its silence is expected, and it never goes stale later either.
        } else if (isStaleAt(node, now)) node.staleTopics = 1;
        else if (node.gaps >= MIN_GAPS) {
          nextChange = Math.min(nextChange, node.ownLastTime + staleAfterMs(node.intervalMs) + 1);
        }
        if (needle) {
          node.searchPath ??= node.path.toLowerCase();
          node.selfMatch = node.searchPath.includes(needle);
        }
      }
      node.matches = node.selfMatch ? 1 : 0;
      if (node.children) for (const child of node.children.values()) stack.push(child);
    }
    // Children come after their parent in the walk, so backwards every child is done first.
    for (let i = walk.length - 1; i > 0; i -= 1) {
      const node = walk[i];
      const parent = node?.parent;
      if (!node || !parent) continue;
      parent.rate += node.rate;
      parent.staleTopics += node.staleTopics;
      parent.matches += node.matches;
    }
    if (this.root.rate > 0) nextChange = Math.min(nextChange, now + RATE_REFRESH_MS);
    this.nextChange = nextChange === Infinity ? null : nextChange;
  }

  private insert(topic: string): TopicNode<T> {
    // Empty levels are real levels in MQTT (`a//b` has three), so split keeps them.
    const levels = topic.split('/');
    let node = this.root;
    let path = '';
    for (let i = 0; i < levels.length; i += 1) {
      const level = levels[i] ?? '';
      path = i === 0 ? level : `${path}/${level}`;
      node.children ??= new Map();
      let child = node.children.get(level);
      if (!child) {
        child = newNode(level, path, node);
        node.children.set(level, child);
      }
      node = child;
    }
    this.byTopic.set(topic, node);
    return node;
  }
}

const collator = new Intl.Collator('en', { numeric: true });

/** `sensor-2` before `sensor-10`, as a person would sort them. */
function compareLevels(a: string, b: string): number {
  return collator.compare(a, b);
}
