/** A reusable, growing list of feature ids: a row or a question is featurised into it without a new array each time. */
export class IdBuffer {
  private buffer = new Int32Array(256);
  private used = 0;

  get ids(): Int32Array {
    return this.buffer;
  }

  get count(): number {
    return this.used;
  }

  clear(): void {
    this.used = 0;
  }

  push(id: number): void {
    if (this.used === this.buffer.length) {
      const grown = new Int32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.used++] = id;
  }
}
