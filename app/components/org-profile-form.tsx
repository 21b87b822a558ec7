// The organisation profile form: react-hook-form + the zod schema of app/schemas/org-profile-form.ts
// (the action re-checks with it). Without JavaScript the row buttons post the form and the page
// comes back with the row added or removed; with it they work in place.
import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { get, useFieldArray, useForm, type FieldArrayPath, type Resolver } from "react-hook-form";
import { PROFILE_CURRENCIES, TURNOVER_BANDS } from "~/domain/org-profile";
import { EMPTY_ROWS, ProfileFormSchema, type ProfileFormInput, type ProfileFormValues, type ProfileList } from "~/schemas/org-profile-form";
import { Field, SubmitButton, type ServerErrors } from "./forms";
import { EntityRows, PolicyRows, Select, TextArea, TrainingRows, type RowsProps } from "./org-profile-fields";

interface Props {
  defaults: ProfileFormValues;
  server?: ServerErrors;
  /** Shown at the top of the form (the conflict with a newer save). */
  notice?: ReactNode;
}

// The schema reads text and numbers alike (z.coerce), so the form's all-text values are its input.
const RESOLVER = zodResolver(ProfileFormSchema) as unknown as Resolver<ProfileFormValues, unknown, ProfileFormInput>;
const BANDS = TURNOVER_BANDS.map((b) => ({ value: b.key, label: b.label }));
const CURRENCIES = PROFILE_CURRENCIES.map((c) => ({ value: c, label: c }));

function useRows(form: ReturnType<typeof useForm<ProfileFormValues, unknown, ProfileFormInput>>, list: ProfileList) {
  const rows = useFieldArray({ control: form.control, name: list as FieldArrayPath<ProfileFormValues> });
  return {
    keys: rows.fields.map((f) => f.id),
    onAdd: (e: React.MouseEvent) => {
      e.preventDefault();
      rows.append({ ...EMPTY_ROWS[list] } as never);
    },
    onRemove: (i: number, e: React.MouseEvent) => {
      e.preventDefault();
      rows.remove(i);
    },
  };
}

export function OrgProfileForm({ defaults, server, notice }: Props) {
  const form = useForm<ProfileFormValues, unknown, ProfileFormInput>({
    resolver: RESOLVER,
    defaultValues: defaults,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const submit = useSubmit();
  const busy = useNavigation().state === "submitting";
  const entities = useRows(form, "entities");
  const policies = useRows(form, "policies");
  const training = useRows(form, "training");
  const errorFor = (name: string): string | undefined => {
    const client = (get(form.formState.errors, name) as { message?: unknown } | undefined)?.message;
    return typeof client === "string" ? client : server?.fieldErrors?.[name];
  };
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (server && (server.formError || server.fieldErrors)) summaryRef.current?.focus();
  }, [server]);
  const onSubmit = form.handleSubmit((_data, event) => {
    const el = event?.target;
    if (el instanceof HTMLFormElement) submit(el, { method: "post" });
  });
  const hasErrors = Object.keys(form.formState.errors).length > 0 || Object.keys(server?.fieldErrors ?? {}).length > 0;
  // Each field also renders its starting value into the HTML, so the page works before (or without) JavaScript.
  const register = ((name: Parameters<typeof form.register>[0]) => {
    const start: unknown = get(defaults, name);
    return { ...form.register(name), defaultValue: typeof start === "string" ? start : undefined };
  }) as typeof form.register;
  const rows: Pick<RowsProps, "register" | "errorFor"> = { register, errorFor };

  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="profile-form">
      {notice}
      <input type="hidden" {...register("version")} />
      {server?.formError || hasErrors ? (
        <div className="alert error" role="alert" ref={summaryRef} tabIndex={-1}>
          {server?.formError ?? "Some fields need attention; see the messages below."}
        </div>
      ) : null}
      <fieldset className="form-section">
        <legend>The organisation</legend>
        <Field label="Legal name" registration={register("legalName")} error={errorFor("legalName")} autoComplete="organization" />
        <Field
          label="Headquarters country (two letters, optional)"
          registration={register("headquartersCountry")}
          error={errorFor("headquartersCountry")}
          className="short"
          maxLength={2}
        />
        <TextArea
          label="Structure, business and supply chains"
          hint="Ownership, group structure, what the organisation does and where it sources."
          rows={6}
          registration={register("structure")}
          error={errorFor("structure")}
        />
        <TextArea label="Sectors (one a line)" rows={3} registration={register("sectors")} error={errorFor("sectors")} />
        <Field
          label="Employees (optional)"
          inputMode="numeric"
          className="short"
          registration={register("employees")}
          error={errorFor("employees")}
        />
        <Select
          label="Turnover band"
          blank="Not given"
          options={BANDS}
          registration={register("turnoverBand")}
          error={errorFor("turnoverBand")}
        />
        <Select
          label="Turnover currency"
          options={CURRENCIES}
          registration={register("turnoverCurrency")}
          error={errorFor("turnoverCurrency")}
        />
        <Field
          label="Financial year ends (mm-dd)"
          hint="The reporting year of a statement, e.g. 12-31 or 03-31."
          className="short"
          registration={register("financialYearEnd")}
          error={errorFor("financialYearEnd")}
        />
      </fieldset>
      <EntityRows {...rows} {...entities} />
      <PolicyRows {...rows} {...policies} />
      <TrainingRows {...rows} {...training} />
      <fieldset className="form-section">
        <legend>Consultation</legend>
        <TextArea
          label="How the covered entities were consulted"
          rows={4}
          registration={register("consultation")}
          error={errorFor("consultation")}
        />
      </fieldset>
      <div className="actions">
        <SubmitButton busy={busy}>Save profile</SubmitButton>
      </div>
    </Form>
  );
}
