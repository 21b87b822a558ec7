// Labelled inputs of the organisation profile form, and its three lists of rows (covered entities,
// policies, training). A row's "Add" and "Remove" are real submit buttons (intent "add:policies",
// "remove:policies:2"), so they work from a plain form post; with JavaScript they change the rows in
// place through react-hook-form's field array, and nothing is posted.
import { useId, type ReactNode } from "react";
import type { UseFormRegister, UseFormRegisterReturn } from "react-hook-form";
import type { ProfileFormValues, ProfileList } from "~/schemas/org-profile-form";
import { Field } from "./forms";

export type ErrorFor = (name: string) => string | undefined;
export interface RowsProps {
  register: UseFormRegister<ProfileFormValues>;
  errorFor: ErrorFor;
  /** The rows' keys (field-array ids). */
  keys: string[];
  onAdd?: (e: React.MouseEvent) => void;
  onRemove?: (i: number, e: React.MouseEvent) => void;
}

function Described({ error, id, children }: { error?: string; id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextArea(props: { label: string; registration: UseFormRegisterReturn; error?: string; hint?: string; rows?: number }) {
  const id = useId();
  const describedBy = [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <Described error={props.error} id={id}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={props.rows ?? 4}
        {...props.registration}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
    </Described>
  );
}

export function Select(props: {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  blank?: string;
}) {
  const id = useId();
  return (
    <Described error={props.error} id={id}>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        {...props.registration}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      >
        {props.blank !== undefined ? <option value="">{props.blank}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Described>
  );
}

function RowButtons({ list, i, what, onRemove }: { list: ProfileList; i: number; what: string; onRemove?: RowsProps["onRemove"] }) {
  return (
    <button
      type="submit"
      name="intent"
      value={`remove:${list}:${i}`}
      className="button link small"
      formNoValidate
      onClick={onRemove ? (e) => onRemove(i, e) : undefined}
      aria-label={`Remove ${what} ${i + 1}`}
    >
      Remove
    </button>
  );
}

function AddButton({ list, label, onAdd }: { list: ProfileList; label: string; onAdd?: RowsProps["onAdd"] }) {
  return (
    <div>
      <button type="submit" name="intent" value={`add:${list}`} className="button secondary small" formNoValidate onClick={onAdd}>
        {label}
      </button>
    </div>
  );
}

export function EntityRows({ register, errorFor, keys, onAdd, onRemove }: RowsProps) {
  return (
    <fieldset className="form-section">
      <legend>Entities the statement covers</legend>
      <p className="hint muted small">Each legal entity a joint statement covers, with its country and company number.</p>
      {keys.length === 0 ? <p className="muted">No entities yet.</p> : null}
      <ol className="profile-rows">
        {keys.map((key, i) => (
          <li key={key} className="profile-row">
            <Field label={`Entity ${i + 1}: name`} registration={register(`entities.${i}.name`)} error={errorFor(`entities.${i}.name`)} />
            <Field
              label="Country (two letters)"
              registration={register(`entities.${i}.country`)}
              error={errorFor(`entities.${i}.country`)}
              className="short"
              maxLength={2}
              autoComplete="off"
            />
            <Field
              label="Registration number"
              registration={register(`entities.${i}.registrationNumber`)}
              error={errorFor(`entities.${i}.registrationNumber`)}
              autoComplete="off"
            />
            <RowButtons list="entities" i={i} what="entity" onRemove={onRemove} />
          </li>
        ))}
      </ol>
      <AddButton list="entities" label="Add an entity" onAdd={onAdd} />
    </fieldset>
  );
}

export function PolicyRows({ register, errorFor, keys, onAdd, onRemove }: RowsProps) {
  return (
    <fieldset className="form-section">
      <legend>Policies</legend>
      <p className="hint muted small">
        Supplier code of conduct, anti-slavery policy, responsible recruitment… with the dates they were adopted and last reviewed.
      </p>
      {keys.length === 0 ? <p className="muted">No policies yet.</p> : null}
      <ol className="profile-rows">
        {keys.map((key, i) => (
          <li key={key} className="profile-row">
            <Field
              label={`Policy ${i + 1}: title`}
              registration={register(`policies.${i}.title`)}
              error={errorFor(`policies.${i}.title`)}
            />
            <Field
              label="Adopted on"
              type="date"
              registration={register(`policies.${i}.adoptedOn`)}
              error={errorFor(`policies.${i}.adoptedOn`)}
            />
            <Field
              label="Last reviewed (optional)"
              type="date"
              registration={register(`policies.${i}.reviewedOn`)}
              error={errorFor(`policies.${i}.reviewedOn`)}
            />
            <Field
              label="Web address (optional)"
              type="url"
              registration={register(`policies.${i}.url`)}
              error={errorFor(`policies.${i}.url`)}
            />
            <TextArea label="Summary" rows={2} registration={register(`policies.${i}.summary`)} error={errorFor(`policies.${i}.summary`)} />
            <RowButtons list="policies" i={i} what="policy" onRemove={onRemove} />
          </li>
        ))}
      </ol>
      <AddButton list="policies" label="Add a policy" onAdd={onAdd} />
    </fieldset>
  );
}

export function TrainingRows({ register, errorFor, keys, onAdd, onRemove }: RowsProps) {
  return (
    <fieldset className="form-section">
      <legend>Training given</legend>
      <p className="hint muted small">Who was trained, on what, how many people, in which year. A statement sums the rows of its year.</p>
      {keys.length === 0 ? <p className="muted">No training recorded yet.</p> : null}
      <ol className="profile-rows">
        {keys.map((key, i) => (
          <li key={key} className="profile-row">
            <Field
              label={`Training ${i + 1}: year`}
              inputMode="numeric"
              className="short"
              registration={register(`training.${i}.year`)}
              error={errorFor(`training.${i}.year`)}
            />
            <Field label="Audience" registration={register(`training.${i}.audience`)} error={errorFor(`training.${i}.audience`)} />
            <Field label="Topic" registration={register(`training.${i}.topic`)} error={errorFor(`training.${i}.topic`)} />
            <Field
              label="People trained"
              inputMode="numeric"
              className="short"
              registration={register(`training.${i}.people`)}
              error={errorFor(`training.${i}.people`)}
            />
            <RowButtons list="training" i={i} what="training row" onRemove={onRemove} />
          </li>
        ))}
      </ol>
      <AddButton list="training" label="Add a training row" onAdd={onAdd} />
    </fieldset>
  );
}
