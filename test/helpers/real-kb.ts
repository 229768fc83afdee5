import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/index.ts';

let kb: KnowledgeBase | undefined;

/** The committed KB, loaded once per test process, without any user layer. */
export function realKb(): KnowledgeBase {
  kb ??= loadKnowledgeBase({ userDir: null });
  return kb;
}
