import { inputClass, labelClass } from "../../components/form/form-styles.js";

/** A choice as a select shows it: its stored value and its name for people. */
export type Choice = readonly [value: string, label: string];

/** A labelled select over a list of choices; the first choices can be fixed ones ("Any", "None"). */
export function ChoiceField({
  label,
  value,
  choices,
  onChange,
  isDisabled = false,
}: {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  isDisabled?: boolean;
}) {
  return (
    <label className={labelClass}>
      {label}
      <select value={value} disabled={isDisabled} onChange={(e) => onChange(e.target.value)} className={inputClass}>
        {choices.map(([choice, name]) => (
          <option key={choice} value={choice}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
