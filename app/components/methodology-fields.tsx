// The sections of the admin's methodology form (app/components/methodology-form.tsx): each one
// registers its fields with the form and shows the message `errorFor` gives it.
import { useId } from "react";
import type { UseFieldArrayReturn, UseFormRegister, UseFormRegisterReturn } from "react-hook-form";
import { PRINCIPLES } from "~/domain/questionnaire/types";
import { NOTE_MAX, type MethodologyFormValues } from "~/schemas/methodology";
import { Field } from "./forms";

export interface CountryOption {
  iso2: string;
  name: string;
}

/** What every section needs: the form's register and the message to show for a field, if any. */
export interface SectionProps {
  register: UseFormRegister<MethodologyFormValues>;
  errorFor: (name: string) => string | undefined;
}

const share = (value: unknown, values: unknown[]) => {
  const n = (v: unknown) => {
    const x =
      typeof v === "number"
        ? v
        : Number(
            String(v ?? "")
              .trim()
              .replace(",", "."),
          );
    return Number.isFinite(x) && x >= 0 ? x : 0;
  };
  const total = values.reduce<number>((s, v) => s + n(v), 0);
  return total > 0 ? `${Math.round((n(value) / total) * 100)}%` : "—";
};

const NUMBER = { inputMode: "decimal", autoComplete: "off" } as const;

export function InherentWeights({ register, errorFor, weights, model }: SectionProps & { weights: unknown[]; model: string | undefined }) {
  const all = [
    ["country", "Country"],
    ["goods", model === "v2" ? "Goods (forced labour)" : "Goods"],
    ["childGoods", "Goods (child labour)"],
    ["workforce", "Workforce"],
  ] as const;
  // v1 has no child-labour part: its weight stays stored (as sent) but is not shown.
  const parts = model === "v2" ? all : all.filter(([key]) => key !== "childGoods");
  const shown = model === "v2" ? weights : [weights[0], weights[1], weights[3]];
  return (
    <fieldset className="form-section">
      <legend>Inherent risk: weights of its parts</legend>
      <p className="hint muted small">
        Relative weights: only their shares count, so 0.45 / 0.35 / 0.20 and 45 / 35 / 20 mean the same. The workforce part counts only for
        suppliers who answered the workforce profile; otherwise country and goods share its weight.
      </p>
      <GroupError message={errorFor("inherentWeights")} />
      <div className={`form-grid ${model === "v2" ? "four" : "three"}`}>
        {parts.map(([key, label], i) => (
          <Field
            key={key}
            label={label}
            hint={`Share now: ${share(shown[i], shown)}`}
            registration={register(`inherentWeights.${key}`)}
            error={errorFor(`inherentWeights.${key}`)}
            {...NUMBER}
          />
        ))}
      </div>
    </fieldset>
  );
}

export function PrincipleWeights({
  register,
  errorFor,
  weights,
  principleLabels,
}: SectionProps & { weights: unknown[]; principleLabels: Record<string, string> }) {
  return (
    <fieldset className="form-section">
      <legend>Controls: weights of the Athens principles</legend>
      <p className="hint muted small">
        How much each principle counts in a supplier&apos;s control maturity. Relative weights, like above.
      </p>
      <GroupError message={errorFor("principleWeights")} />
      <div className="form-grid methodology-principles">
        {PRINCIPLES.map((p, i) => (
          <Field
            key={p}
            label={`${p} ${principleLabels[p] ?? ""}`.trim()}
            hint={`Share now: ${share(weights[i], weights)}`}
            registration={register(`principleWeights.${p}`)}
            error={errorFor(`principleWeights.${p}`)}
            {...NUMBER}
          />
        ))}
      </div>
    </fieldset>
  );
}

export function BandThresholds({ register, errorFor }: SectionProps) {
  const bands = [
    ["medium", "Medium from"],
    ["high", "High from"],
    ["critical", "Critical from"],
  ] as const;
  return (
    <fieldset className="form-section">
      <legend>Risk bands</legend>
      <p className="hint muted small">
        A score at or above a threshold is in that band; below the medium threshold it is low. Each threshold must be above the one before.
      </p>
      <div className="form-grid three">
        {bands.map(([key, label]) => (
          <Field key={key} label={label} registration={register(`bands.${key}`)} error={errorFor(`bands.${key}`)} {...NUMBER} />
        ))}
      </div>
    </fieldset>
  );
}

export function ValidityMonths({ register, errorFor }: SectionProps) {
  return (
    <fieldset className="form-section">
      <legend>How long an assessment counts</legend>
      <div className="form-grid">
        <Field
          label="Valid for (months)"
          hint="After approval, the supplier's controls count in full for this long."
          registration={register("validityMonths")}
          error={errorFor("validityMonths")}
          inputMode="numeric"
          autoComplete="off"
        />
        <Field
          label="Then fades over (months)"
          hint="Then they count less and less, down to nothing. 0 = they stop counting at once."
          registration={register("fadeMonths")}
          error={errorFor("fadeMonths")}
          inputMode="numeric"
          autoComplete="off"
        />
      </div>
    </fieldset>
  );
}

export function CountryOverrides({
  register,
  errorFor,
  rows,
  countries,
  onAdd,
  onRemove,
}: SectionProps & {
  rows: UseFieldArrayReturn<MethodologyFormValues, "overrides">["fields"];
  countries: CountryOption[];
  onAdd: () => void;
  onRemove: (i: number) => void;
}) {
  return (
    <fieldset className="form-section">
      <legend>Country overrides</legend>
      <p className="hint muted small">
        Replace the country risk that the TIP report tier gives (0–100), for example when a country&apos;s latest placement is out of date.
        The reason is shown in the breakdown of every supplier it affects.
      </p>
      <GroupError message={errorFor("overrides")} />
      {rows.length === 0 ? <p className="muted">No overrides: every country&apos;s risk comes from its TIP tier.</p> : null}
      <ol className="methodology-overrides">
        {rows.map((row, i) => (
          <li key={row.id} className="methodology-override">
            <CountrySelect
              label={`Country (override ${i + 1})`}
              registration={register(`overrides.${i}.iso2`)}
              error={errorFor(`overrides.${i}.iso2`)}
              countries={countries}
            />
            <Field
              label="Country risk (0–100)"
              registration={register(`overrides.${i}.score`)}
              error={errorFor(`overrides.${i}.score`)}
              {...NUMBER}
              className="short"
            />
            <Field
              label="Reason"
              registration={register(`overrides.${i}.reason`)}
              error={errorFor(`overrides.${i}.reason`)}
              autoComplete="off"
              maxLength={500}
            />
            <button type="button" className="button link small" onClick={() => onRemove(i)} aria-label={`Remove override ${i + 1}`}>
              Remove
            </button>
          </li>
        ))}
      </ol>
      <div>
        <button type="button" className="button secondary small" onClick={onAdd}>
          Add a country override
        </button>
      </div>
    </fieldset>
  );
}

export function ChangeNote({ register, errorFor }: SectionProps) {
  const id = useId();
  const error = errorFor("note");
  return (
    <fieldset className="form-section">
      <legend>Change note</legend>
      <div className={`field${error ? " has-error" : ""}`}>
        <label htmlFor={`${id}-note`}>What changed and why</label>
        <p className="hint" id={`${id}-note-hint`}>
          Required to save; kept with the version and in the audit log. Up to {NOTE_MAX} characters.
        </p>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={NOTE_MAX}
          {...register("note")}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-note-hint`, error ? `${id}-note-error` : ""].filter(Boolean).join(" ")}
        />
        {error ? (
          <p className="field-error" id={`${id}-note-error`} role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}

function GroupError({ message }: { message?: string }) {
  return message ? (
    <p className="field-error" role="alert">
      {message}
    </p>
  ) : null;
}

function CountrySelect({
  label,
  registration,
  error,
  countries,
}: {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
  countries: CountryOption[];
}) {
  const id = useId();
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} {...registration} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">Choose a country…</option>
        {countries.map((c) => (
          <option key={c.iso2} value={c.iso2}>
            {c.name} ({c.iso2})
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
