import type * as Y from "yjs";

/** One contiguous change from one text to another. */
export interface TextChange {
  readonly index: number;
  readonly remove: number;
  readonly insert: string;
}

/**
 * The smallest single change turning `before` into `after`: the common start and end are kept,
 * so an edit in a textarea becomes a local insert or delete that merges character-wise with other
 * people's edits, instead of replacing the whole text. Null when nothing changed.
 */
export function diffText(before: string, after: string): TextChange | null {
  if (before === after) return null;
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  let end = 0;
  while (
    end < shortest - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end += 1;
  }
  // Never split a surrogate pair: an emoji is moved whole.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start -= 1;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end -= 1;
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Applies what the person typed to the shared text as the minimal change, in one transaction. */
export function applyTextEdit(text: Y.Text, after: string, origin: unknown): void {
  const change = diffText(text.toString(), after);
  const doc = text.doc;
  if (!change || !doc) return;
  doc.transact(() => {
    if (change.remove > 0) text.delete(change.index, change.remove);
    if (change.insert) text.insert(change.index, change.insert);
  }, origin);
}

/** A Y.Text change as Yjs reports it: retain, insert or delete runs from the start. */
export type TextDelta = ReadonlyArray<{ retain?: number; insert?: unknown; delete?: number }>;

/**
 * Where a caret ends up after someone else's change: text inserted before it pushes it on, text
 * deleted before it pulls it back, changes after it leave it alone. Retain and delete runs count
 * positions in the text before the change; inserts take none.
 */
export function shiftIndex(index: number, delta: TextDelta): number {
  let position = 0;
  let shifted = index;
  for (const op of delta) {
    if (op.retain !== undefined) position += op.retain;
    else if (op.delete !== undefined) {
      shifted -= Math.min(op.delete, Math.max(0, index - position));
      position += op.delete;
    } else if (op.insert !== undefined && position < index) {
      shifted += typeof op.insert === "string" ? op.insert.length : 1;
    }
  }
  return shifted;
}
