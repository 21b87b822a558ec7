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
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { get, useFieldArray, useForm, useWatch } from "react-hook-form";
import { PRINCIPLES } from "~/domain/questionnaire/types";
import { methodologySchema, type MethodologyFormValues, type MethodologyInput } from "~/schemas/methodology";
import type { ServerErrors } from "./forms";
import {
  BandThresholds,
  ChangeNote,
  CountryOverrides,
  InherentWeights,
  PrincipleWeights,
  ValidityMonths,
  type CountryOption,
} from "./methodology-fields";
import { RiskModelSection } from "./methodology-model";

interface Props {
  defaults: MethodologyFormValues;
  /** Named and sorted by the loader (server and browser render agree). */
  countries: CountryOption[];
  /** The version a save replaces: the loaded one, or a newer one the admin was told about (409). */
  baseVersion: number;
  principleLabels: Record<string, string>;
  /** What the action answered (its field errors), when it answered. */
  server?: ServerErrors;
  /** Shown at the top of the form (the conflict with a newer version). */
  notice?: ReactNode;
  /** Shown between the fields and the buttons' results (the preview table). */
  children?: ReactNode;
}

/** The form's state: the client's and the server's messages, the override rows and the submit. */
function useMethodologyForm({ defaults, countries, baseVersion, server }: Props) {
  const schema = useMemo(() => methodologySchema(countries.map((c) => c.iso2)), [countries]);
  const form = useForm<MethodologyFormValues, unknown, MethodologyInput>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const submit = useSubmit();
  const overrides = useFieldArray({ control: form.control, name: "overrides" });
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

  // Errors found by the server arrive after the round trip, with the buttons at the bottom: bring the summary into view.
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (server && (server.formError || server.fieldErrors)) summaryRef.current?.focus();
  }, [server]);

  // Told about a newer version (409), the admin may save again over it, deliberately.
  useEffect(() => {
    form.setValue("baseVersion", String(baseVersion));
  }, [form, baseVersion]);

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
  const hasErrors = invalidSubmit || Object.keys(server?.fieldErrors ?? {}).length > 0;
  return { form, overrides, errorFor, hasErrors, summaryRef, onSubmit, addRow, removeRow };
}

export function MethodologyForm(props: Props) {
  const { countries, baseVersion, principleLabels, server, notice, children } = props;
  const { form, overrides, errorFor, hasErrors, summaryRef, onSubmit, addRow, removeRow } = useMethodologyForm(props);
  const { register, control } = form;
  const inherent = useWatch({ control, name: "inherentWeights" });
  const model = useWatch({ control, name: "model" });
  const principles = useWatch({ control, name: "principleWeights" });
  const formError = server?.formError;
  const sections = { register, errorFor };

  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="methodology-form">
      {notice}
      <input type="hidden" {...register("baseVersion")} />
      {formError || hasErrors ? (
        <div className="alert error" role="alert" ref={summaryRef} tabIndex={-1}>
          {formError ?? "Some fields need attention; see the messages below."}
        </div>
      ) : null}
      <RiskModelSection {...sections} model={model} setValue={form.setValue} />
      <InherentWeights
        {...sections}
        model={model}
        weights={[inherent?.country, inherent?.goods, inherent?.childGoods, inherent?.workforce]}
      />
      <PrincipleWeights {...sections} weights={PRINCIPLES.map((p) => principles?.[p])} principleLabels={principleLabels} />
      <BandThresholds {...sections} />
      <ValidityMonths {...sections} />
      <CountryOverrides {...sections} rows={overrides.fields} countries={countries} onAdd={addRow} onRemove={removeRow} />
      <ChangeNote {...sections} />
      <SubmitButtons nextVersion={baseVersion + 1} setIntent={(intent) => form.setValue("intent", intent)} />
      {children}
    </Form>
  );
}

/** Preview comes first: pressing Enter in a field previews, it never saves. */
function SubmitButtons({ nextVersion, setIntent }: { nextVersion: number; setIntent: (intent: "preview" | "save") => void }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const pending = busy ? navigation.formData?.get("intent") : null;
  return (
    <div className="actions">
      <button
        type="submit"
        name="intent"
        value="preview"
        className="button secondary"
        disabled={busy}
        aria-busy={pending === "preview" || undefined}
        onClick={() => setIntent("preview")}
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
        onClick={() => setIntent("save")}
      >
        {pending === "save" ? "Saving…" : `Save as version ${nextVersion}`}
      </button>
    </div>
  );
}
