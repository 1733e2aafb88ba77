/**
 * Message counts per topic level, kept as a tree. Recording a message is O(levels) and
 * allocates nothing for a topic seen before; building the rows a view shows is done only
 * for expanded nodes, so 10,000 topics cost nothing while their parent is collapsed.
 */

interface TopicNode<T> {
  name: string;
  path: string;
  parent: TopicNode<T> | null;
  children: Map<string, TopicNode<T>> | null;
  /** Messages on this topic and all topics below it. */
  messages: number;
  /** Distinct topics at or below this node that carried a message. */
  topics: number;
  /** Messages on exactly this topic (0 for a pure intermediate level). */
  ownMessages: number;
  lastTime: number;
  /** What the last message on exactly this topic left for the "last value" column. */
  last: T | null;
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
}

export interface TopicTreeView {
  rows: TopicTreeRow[];
  /** Rows left out because the view is capped. */
  hiddenRows: number;
  totalTopics: number;
}

function newNode<T>(name: string, path: string, parent: TopicNode<T> | null): TopicNode<T> {
  return {
    name,
    path,
    parent,
    children: null,
    messages: 0,
    topics: 0,
    ownMessages: 0,
    lastTime: 0,
    last: null,
  };
}

/** `T` is what a topic keeps of its last message (the message itself, or its payload). */
export class TopicTree<T = Uint8Array> {
  private readonly root = newNode<T>('', '', null);
  /** Topic → its node, so a known topic never splits its string again. */
  private readonly byTopic = new Map<string, TopicNode<T>>();

  get topicCount(): number {
    return this.root.topics;
  }

  /** Returns true the first time a topic is seen. */
  record(topic: string, last: T, time: number): boolean {
    let node = this.byTopic.get(topic);
    if (!node) node = this.insert(topic);
    const isNewTopic = node.ownMessages === 0;
    node.ownMessages += 1;
    node.last = last;
    for (let at: TopicNode<T> | null = node; at; at = at.parent) {
      at.messages += 1;
      at.lastTime = time;
      if (isNewTopic) at.topics += 1;
    }
    return isNewTopic;
  }

  /**
   * The rows of the expanded part of the tree, depth first, children by name.
   * `describe` turns what a topic kept into text; it runs only for the rows returned.
   */
  view(
    expanded: ReadonlySet<string>,
    maxRows: number,
    describe: (last: T) => string,
  ): TopicTreeView {
    const rows: TopicTreeRow[] = [];
    let hiddenRows = 0;
    const visit = (node: TopicNode<T>, depth: number) => {
      if (!node.children) return;
      const names = [...node.children.keys()].sort(compareLevels);
      for (const name of names) {
        const child = node.children.get(name);
        if (!child) continue;
        const isExpanded = expanded.has(child.path);
        if (rows.length >= maxRows) {
          hiddenRows += 1;
          continue;
        }
        rows.push({
          path: child.path,
          name: child.name,
          depth,
          messages: child.messages,
          topics: child.topics,
          isTopic: child.ownMessages > 0,
          childCount: child.children?.size ?? 0,
          expanded: isExpanded,
          lastTime: child.lastTime,
          lastValue: child.last !== null ? describe(child.last) : '',
        });
        if (isExpanded) visit(child, depth + 1);
      }
    };
    visit(this.root, 0);
    return { rows, hiddenRows, totalTopics: this.root.topics };
  }

  clear(): void {
    this.root.children = null;
    this.root.messages = 0;
    this.root.topics = 0;
    this.byTopic.clear();
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
