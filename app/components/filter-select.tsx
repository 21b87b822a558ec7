// One labelled <select> of a filter form (supplier list, actions, assessments, dashboard): an "any"
// choice first, then the options; plain strings are both value and label.
/** A value, or [value, label]; a missing label shows the value. */
type Option = string | number | readonly [value: string | number, label: string | undefined];

interface Props {
  id: string;
  name: string;
  label: string;
  /** The current value ("" when no choice is made). */
  value: string;
  /** The label of the first choice, which filters nothing ("Any country"). */
  allLabel: string;
  options: readonly Option[];
}

export function FilterSelect({ id, name, label, value, allLabel, options }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        <option value="">{allLabel}</option>
        {options.map((o) => {
          const [v, text] = typeof o === "object" ? o : [o, undefined];
          return (
            <option key={v} value={v}>
              {text ?? String(v)}
            </option>
          );
        })}
      </select>
    </div>
  );
}
