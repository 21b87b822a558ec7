// The supplier form, shared by "New supplier" and "Edit supplier": react-hook-form + zod in the
// browser, the same schema re-checked by the action. Server field errors show next to the fields.
import { Form, Link } from "@remix-run/react";
import { useEffect, useId, useRef, type ReactNode } from "react";
import type { SupplierEditSchema, SupplierSchema } from "~/schemas/supplier";
import type { SupplierFormValues } from "~/schemas/supplier-form";
import { SubmitButton, useZodForm, type ServerErrors } from "./forms";
import { ContactSection, IdentitySection, LocationSection, NotesSection, SizeSection, SupplySection } from "./supplier-form-sections";
import { countryName } from "~/domain/country";

/**
 * Countries with their localised names (Intl.DisplayNames), sorted by that name. Loaders call this,
 * so the names come from one ICU: the server's and the browser's differ for a few regions.
 */
export function namedCountries(rows: Array<{ iso2: string }>): Array<{ iso2: string; name: string }> {
  return rows.map((c) => ({ iso2: c.iso2, name: countryName(c.iso2) })).sort((a, b) => a.name.localeCompare(b.name, "en"));
}

interface Props {
  mode: "new" | "edit";
  schema: typeof SupplierSchema | typeof SupplierEditSchema;
  defaultValues: SupplierFormValues;
  /** Named and sorted by the loader (so the server and browser renders agree). */
  countries: Array<{ iso2: string; name: string }>;
  tvpraGoods: string[];
  sectors: string[];
  cancelHref: string;
  /** The action's answer to the last post (field and form errors), from the route's useActionData. */
  server: ServerErrors | undefined;
  /** Shown above the form (e.g. the stale-edit alert). */
  children?: ReactNode;
}

export function SupplierForm(props: Props) {
  const { mode, schema, defaultValues, countries, tvpraGoods, sectors, cancelHref, server, children } = props;
  // Only the resolver sees the schema; the edit schema is the new one plus `version`.
  const { form, onSubmit, errorFor, formError, busy } = useZodForm(schema as typeof SupplierEditSchema, { defaultValues });
  const id = useId();
  const section = { register: form.register, errorFor };
  const serverFields = server?.fieldErrors ? Object.keys(server.fieldErrors).length : 0;
  const hasErrors = Object.keys(form.formState.errors).length > 0 || serverFields > 0;
  // Errors found by the server (a reference already in use, …) arrive after the round trip, with the
  // button at the bottom of a long form: bring the summary into view.
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (server && (server.formError || server.fieldErrors)) summaryRef.current?.focus();
  }, [server]);

  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="supplier-form" aria-describedby={`${id}-req`}>
      {children}
      {formError || hasErrors ? (
        <div className="alert error" role="alert" ref={summaryRef} tabIndex={-1}>
          {formError ?? "Some fields need attention; see the messages below."}
        </div>
      ) : null}
      <p className="muted small" id={`${id}-req`}>
        Only the name and the country are required.
      </p>
      {mode === "edit" ? <input type="hidden" {...form.register("version")} /> : null}

      <IdentitySection {...section} defaultValues={defaultValues} />

      <LocationSection {...section} countries={countries} />

      <SupplySection {...section} control={form.control} id={id} sectors={sectors} tvpraGoods={tvpraGoods} />

      <SizeSection {...section} id={id} />

      <ContactSection {...section} />

      <NotesSection {...section} mode={mode} />

      <div className="actions">
        <SubmitButton busy={busy}>{mode === "new" ? "Create supplier" : "Save changes"}</SubmitButton>
        <Link to={cancelHref} className="button link">
          Cancel
        </Link>
      </div>
    </Form>
  );
}
