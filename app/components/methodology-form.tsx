// The admin's methodology form: react-hook-form + the zod schema of app/schemas/methodology.ts (the
// action re-checks with the same schema). Two submit buttons: "Preview" (a dry run that shows how
// many suppliers would change band) and "Save as version N+1". The button pressed travels as
// `intent`, and is also put into the form state first, so the browser asks for the change note
// only when saving.
//
// Validation runs on submit, then again as a field changes (not on blur): a message that appears or
// vanishes when a field loses focus moves the buttons under the pointer between mouse-down and
// mouse-up, and the click is lost. Rows added since the last submit show their messages only once
// their fields are edited, so a new blank row does not open with three errors.
import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useActionData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { get, useFieldArray, useForm, useWatch, type UseFormRegisterReturn } from "react-hook-form";
import { PRINCIPLES } from "~/domain/questionnaire/types";
import { methodologySchema, NOTE_MAX, type MethodologyFormValues, type MethodologyInput } from "~/schemas/methodology";
import { Field, type ServerErrors } from "./forms";

export interface CountryOption {
  iso2: string;
  name: string;
}

interface Props {
  defaults: MethodologyFormValues;
  /** Named and sorted by the loader (server and browser render agree). */
  countries: CountryOption[];
  /** The version a save replaces: the loaded one, or a newer one the admin was told about (409). */
  baseVersion: number;
  principleLabels: Record<string, string>;
  /** Shown at the top of the form (the conflict with a newer version). */
  notice?: ReactNode;
  /** Shown between the fields and the buttons' results (the preview table). */
  children?: ReactNode;
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

export function MethodologyForm({ defaults, countries, baseVersion, principleLabels, notice, children }: Props) {
  const schema = useMemo(() => methodologySchema(countries.map((c) => c.iso2)), [countries]);
  const form = useForm<MethodologyFormValues, unknown, MethodologyInput>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { register, control } = form;
  const submit = useSubmit();
  const navigation = useNavigation();
  const server = useActionData<ServerErrors>();
  const overrides = useFieldArray({ control, name: "overrides" });
  const inherent = useWatch({ control, name: "inherentWeights" });
  const principles = useWatch({ control, name: "principleWeights" });
  const id = useId();
  const busy = navigation.state === "submitting";
  const pending = busy ? navigation.formData?.get("intent") : null;
  // The summary stays from one submit to the next (it must not come and go while fields are edited).
  const [invalidSubmit, setInvalidSubmit] = useState(false);
  // Rows from this index on were added after the last submit.
  const freshFrom = useRef<number | null>(null);

  const errorFor = (name: string): string | undefined => {
    const { errors, dirtyFields } = form.formState;
    const row = /^overrides\.(\d+)\./.exec(name);
    const hidden = row && freshFrom.current !== null && Number(row[1]) >= freshFrom.current && !get(dirtyFields, name);
    const client =
      (get(errors, name) as { message?: unknown } | undefined)?.message ??
      (get(errors, `${name}.root`) as { message?: unknown } | undefined)?.message;
    if (typeof client === "string") return hidden ? undefined : client;
    return server?.fieldErrors?.[name];
  };
  const hasErrors = invalidSubmit || Object.keys(server?.fieldErrors ?? {}).length > 0;
  const formError = server?.formError;

  // Errors found by the server arrive after the round trip, with the buttons at the bottom: bring the summary into view.
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (server && (server.formError || server.fieldErrors)) summaryRef.current?.focus();
  }, [server]);

  // Told about a newer version (409), the admin may save again over it, deliberately.
  useEffect(() => {
    form.setValue("baseVersion", String(baseVersion));
  }, [form, baseVersion]);
  const nextVersion = baseVersion + 1;

  const onSubmit = form.handleSubmit(
    (_data, event) => {
      freshFrom.current = null;
      setInvalidSubmit(false);
      const native = event?.nativeEvent as SubmitEvent | undefined;
      const target = native?.submitter instanceof HTMLButtonElement ? native.submitter : event?.target;
      if (target instanceof HTMLButtonElement || target instanceof HTMLFormElement) submit(target, { method: "post" });
    },
    () => {
      freshFrom.current = null;
      setInvalidSubmit(true);
    },
  );
  const addRow = () => {
    freshFrom.current ??= overrides.fields.length;
    overrides.append({ iso2: "", score: "", reason: "" });
  };
  const removeRow = (i: number) => {
    if (freshFrom.current !== null && i < freshFrom.current) freshFrom.current--;
    overrides.remove(i);
  };

  const iw = [inherent?.country, inherent?.goods, inherent?.workforce];
  const pw = PRINCIPLES.map((p) => principles?.[p]);

  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="methodology-form">
      {notice}
      <input type="hidden" {...register("baseVersion")} />
      {formError || hasErrors ? (
        <div className="alert error" role="alert" ref={summaryRef} tabIndex={-1}>
          {formError ?? "Some fields need attention; see the messages below."}
        </div>
      ) : null}

      <fieldset className="form-section">
        <legend>Inherent risk: weights of its parts</legend>
        <p className="hint muted small">
          Relative weights: only their shares count, so 0.45 / 0.35 / 0.20 and 45 / 35 / 20 mean the same. The workforce part counts only
          for suppliers who answered the workforce profile; otherwise country and goods share its weight.
        </p>
        <GroupError message={errorFor("inherentWeights")} />
        <div className="form-grid three">
          <Field
            label="Country"
            hint={`Share now: ${share(iw[0], iw)}`}
            registration={register("inherentWeights.country")}
            error={errorFor("inherentWeights.country")}
            inputMode="decimal"
            autoComplete="off"
          />
          <Field
            label="Goods"
            hint={`Share now: ${share(iw[1], iw)}`}
            registration={register("inherentWeights.goods")}
            error={errorFor("inherentWeights.goods")}
            inputMode="decimal"
            autoComplete="off"
          />
          <Field
            label="Workforce"
            hint={`Share now: ${share(iw[2], iw)}`}
            registration={register("inherentWeights.workforce")}
            error={errorFor("inherentWeights.workforce")}
            inputMode="decimal"
            autoComplete="off"
          />
        </div>
      </fieldset>

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
              hint={`Share now: ${share(pw[i], pw)}`}
              registration={register(`principleWeights.${p}`)}
              error={errorFor(`principleWeights.${p}`)}
              inputMode="decimal"
              autoComplete="off"
            />
          ))}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Risk bands</legend>
        <p className="hint muted small">
          A score at or above a threshold is in that band; below the medium threshold it is low. Each threshold must be above the one
          before.
        </p>
        <div className="form-grid three">
          <Field
            label="Medium from"
            registration={register("bands.medium")}
            error={errorFor("bands.medium")}
            inputMode="decimal"
            autoComplete="off"
          />
          <Field
            label="High from"
            registration={register("bands.high")}
            error={errorFor("bands.high")}
            inputMode="decimal"
            autoComplete="off"
          />
          <Field
            label="Critical from"
            registration={register("bands.critical")}
            error={errorFor("bands.critical")}
            inputMode="decimal"
            autoComplete="off"
          />
        </div>
      </fieldset>

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

      <fieldset className="form-section">
        <legend>Country overrides</legend>
        <p className="hint muted small">
          Replace the country risk that the TIP report tier gives (0–100), for example when a country&apos;s latest placement is out of
          date. The reason is shown in the breakdown of every supplier it affects.
        </p>
        <GroupError message={errorFor("overrides")} />
        {overrides.fields.length === 0 ? <p className="muted">No overrides: every country&apos;s risk comes from its TIP tier.</p> : null}
        <ol className="methodology-overrides">
          {overrides.fields.map((row, i) => (
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
                inputMode="decimal"
                autoComplete="off"
                className="short"
              />
              <Field
                label="Reason"
                registration={register(`overrides.${i}.reason`)}
                error={errorFor(`overrides.${i}.reason`)}
                autoComplete="off"
                maxLength={500}
              />
              <button type="button" className="button link small" onClick={() => removeRow(i)} aria-label={`Remove override ${i + 1}`}>
                Remove
              </button>
            </li>
          ))}
        </ol>
        <div>
          <button type="button" className="button secondary small" onClick={addRow}>
            Add a country override
          </button>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Change note</legend>
        <div className={`field${errorFor("note") ? " has-error" : ""}`}>
          <label htmlFor={`${id}-note`}>What changed and why</label>
          <p className="hint" id={`${id}-note-hint`}>
            Required to save; kept with the version and in the audit log. Up to {NOTE_MAX} characters.
          </p>
          <textarea
            id={`${id}-note`}
            rows={3}
            maxLength={NOTE_MAX}
            {...register("note")}
            aria-invalid={errorFor("note") ? true : undefined}
            aria-describedby={[`${id}-note-hint`, errorFor("note") ? `${id}-note-error` : ""].filter(Boolean).join(" ")}
          />
          {errorFor("note") ? (
            <p className="field-error" id={`${id}-note-error`} role="alert">
              {errorFor("note")}
            </p>
          ) : null}
        </div>
      </fieldset>

      <div className="actions">
        {/* Preview comes first: pressing Enter in a field previews, it never saves. */}
        <button
          type="submit"
          name="intent"
          value="preview"
          className="button secondary"
          disabled={busy}
          aria-busy={pending === "preview" || undefined}
          onClick={() => form.setValue("intent", "preview")}
        >
          {pending === "preview" ? "Previewing…" : "Preview"}
        </button>
        <button
          type="submit"
          name="intent"
          value="save"
          className="button"
          disabled={busy}
          aria-busy={pending === "save" || undefined}
          onClick={() => form.setValue("intent", "save")}
        >
          {pending === "save" ? "Saving…" : `Save as version ${nextVersion}`}
        </button>
      </div>
      {children}
    </Form>
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
