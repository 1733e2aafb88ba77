/**
 * What a connection learnt from Sparkplug B BIRTH messages: each edge node's and device's metric
 * names by alias, and datatypes by name. DATA messages may send a metric by alias only and
 * without its datatype (Sparkplug 3.0 §6.4.8, §6.4.6); the BIRTH before them says both.
 */

export interface MetricDefinition {
  name: string;
  datatype: number | undefined;
}

interface Book {
  byAlias: Map<number | string, MetricDefinition>;
  datatypeByName: Map<string, number>;
}

/** Edge nodes and devices remembered; the longest unheard of is forgotten past this. */
export const MAX_SPARKPLUG_TARGETS = 4_096;

export class SparkplugAliases {
  private readonly books = new Map<string, Book>();

  /** Replaces what is known of a node or device (`group/node` or `group/node/device`). */
  learn(
    target: string,
    metrics: readonly { name?: string; alias?: number | string; datatype?: number }[],
  ): void {
    const book: Book = { byAlias: new Map(), datatypeByName: new Map() };
    for (const { name, alias, datatype } of metrics) {
      if (name === undefined) continue;
      if (alias !== undefined) book.byAlias.set(alias, { name, datatype });
      if (datatype !== undefined) book.datatypeByName.set(name, datatype);
    }
    this.books.delete(target); // re-inserted last: the map's order is the eviction order
    this.books.set(target, book);
    if (this.books.size > MAX_SPARKPLUG_TARGETS) {
      const oldest = this.books.keys().next().value;
      if (oldest !== undefined) this.books.delete(oldest);
    }
  }

  byAlias(target: string, alias: number | string): MetricDefinition | undefined {
    return this.books.get(target)?.byAlias.get(alias);
  }

  datatypeOf(target: string, name: string): number | undefined {
    return this.books.get(target)?.datatypeByName.get(name);
  }

  get size(): number {
    return this.books.size;
  }
}
