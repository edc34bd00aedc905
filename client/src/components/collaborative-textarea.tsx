import { type TextareaHTMLAttributes, useEffect, useLayoutEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { applyTextEdit, shiftIndex, type TextDelta } from "../data/yjs/text-diff.js";

/** Marks this textarea's own edits, so only other people's changes move the caret. */
const typedHere = Symbol("typed in this textarea");

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange" | "defaultValue"> & {
  readonly text: Y.Text;
};

/**
 * A textarea over shared Yjs text: typing becomes the minimal insert or delete, and text arriving
 * from others keeps the caret and selection on the same characters.
 */
export function CollaborativeTextarea({ text, ...props }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [value, setValue] = useState(() => text.toString());
  const selectionAfterRender = useRef<[number, number] | null>(null);

  useEffect(() => {
    setValue(text.toString());
    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      const element = ref.current;
      if (transaction.origin !== typedHere && element && document.activeElement === element) {
        const delta = event.delta as TextDelta;
        selectionAfterRender.current = [
          shiftIndex(element.selectionStart, delta),
          shiftIndex(element.selectionEnd, delta),
        ];
      }
      setValue(text.toString());
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text]);

  // After every render: a remote change re-rendered the text, so the caret goes back where it was.
  useLayoutEffect(() => {
    const selection = selectionAfterRender.current;
    if (!selection || !ref.current) return;
    selectionAfterRender.current = null;
    ref.current.setSelectionRange(selection[0], selection[1]);
  });

  return (
    <textarea {...props} ref={ref} value={value} onChange={(e) => applyTextEdit(text, e.target.value, typedHere)} />
  );
}
