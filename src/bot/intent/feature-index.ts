/**
 * Gives each feature name a small integer id, in the order features are first seen. Training rows hold ids rather than
 * names: each name is looked up once, as the row is built, instead of again when training encodes the rows.
 */
export class FeatureIndex {
  private readonly ids = new Map<string, number>();

  /** The feature's id, giving it the next one when it is new. */
  idOf(feature: string): number {
    let id = this.ids.get(feature);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(feature, id);
    }
    return id;
  }

  /** The feature's id, or undefined when no row had it. */
  find(feature: string): number | undefined {
    return this.ids.get(feature);
  }

  get size(): number {
    return this.ids.size;
  }

  /** The feature names in id order. */
  names(): string[] {
    return [...this.ids.keys()];
  }

  /** An index of these names, in this id order. */
  static of(names: readonly string[]): FeatureIndex {
    const index = new FeatureIndex();
    for (const name of names) index.idOf(name);
    return index;
  }

  /** The ids visit hands over for a row, distinct and ascending (a feature named twice counts once). */
  static distinct(ids: Int32Array): Int32Array {
    ids.sort();
    let count = 0;
    for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) ids[count++] = ids[i]!;
    return ids.slice(0, count);
  }
}
