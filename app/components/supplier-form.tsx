// The supplier form, shared by "New supplier" and "Edit supplier": react-hook-form + zod in the
// browser, the same schema re-checked by the action. Server field errors show next to the fields.
import { Form, Link, useActionData } from "@remix-run/react";
import { useEffect, useId, useRef, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { Controller, type UseFormRegisterReturn } from "react-hook-form";
import type { z } from "zod";
import { SUPPLIER_STATUSES, type SupplierEditSchema, type SupplierInput, type SupplierSchema } from "~/schemas/supplier";
import { Field, SubmitButton, useZodForm, type ServerErrors } from "./forms";
import { GoodsPicker } from "./goods-picker";
import { countryName } from "~/domain/country";
import { formatMoney, formatNumber, statusLabel } from "./supplier-display";

export type SupplierFormValues = z.input<typeof SupplierEditSchema>;

/** What the edit form starts from: a stored supplier (as it arrives from the loader). */
export type SupplierLike = Omit<SupplierInput, "status"> & { status: string };

export function toFormValues(s: SupplierLike & { version?: number }): SupplierFormValues {
  const text = (v: string | null) => v ?? "";
  const num = (v: number | null) => (v == null ? "" : String(v));
  return {
    name: s.name,
    externalRef: text(s.externalRef),
    country: s.country,
    address: text(s.address),
    city: text(s.city),
    latitude: num(s.latitude),
    longitude: num(s.longitude),
    sector: text(s.sector),
    goods: s.goods,
    annualSpend: num(s.annualSpend),
    currency: text(s.currency),
    workersCount: num(s.workersCount),
    contactName: text(s.contactName),
    contactEmail: text(s.contactEmail),
    osId: text(s.osId),
    duns: text(s.duns),
    lei: text(s.lei),
    taxId: text(s.taxId),
    notes: text(s.notes),
    status: (SUPPLIER_STATUSES as readonly string[]).includes(s.status) ? (s.status as SupplierInput["status"]) : "active",
    version: s.version ?? 1,
  };
}

/**
 * Countries with their localised names (Intl.DisplayNames), sorted by that name. Loaders call this,
 * so the names come from one ICU: the server's and the browser's differ for a few regions.
 */
export function namedCountries(rows: Array<{ iso2: string }>): Array<{ iso2: string; name: string }> {
  return rows.map((c) => ({ iso2: c.iso2, name: countryName(c.iso2) })).sort((a, b) => a.name.localeCompare(b.name, "en"));
}

const CURRENCIES = [
  "USD",
  "EUR",
  "GBP",
  "CNY",
  "INR",
  "BDT",
  "VND",
  "JPY",
  "TRY",
  "PKR",
  "KHR",
  "MYR",
  "LKR",
  "MXN",
  "THB",
  "TWD",
  "BRL",
  "CHF",
];

interface Props {
  mode: "new" | "edit";
  schema: typeof SupplierSchema | typeof SupplierEditSchema;
  defaultValues: SupplierFormValues;
  /** Named and sorted by the loader (so the server and browser renders agree). */
  countries: Array<{ iso2: string; name: string }>;
  tvpraGoods: string[];
  sectors: string[];
  cancelHref: string;
  /** Shown above the form (e.g. the stale-edit alert). */
  children?: ReactNode;
}

export function SupplierForm({ mode, schema, defaultValues, countries, tvpraGoods, sectors, cancelHref, children }: Props) {
  // Only the resolver sees the schema; the edit schema is the new one plus `version`.
  const { form, onSubmit, errorFor, formError, busy } = useZodForm(schema as typeof SupplierEditSchema, { defaultValues });
  const id = useId();
  const { register } = form;
  const server = useActionData<ServerErrors>();
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
      {mode === "edit" ? <input type="hidden" {...register("version")} /> : null}

      <fieldset className="form-section">
        <legend>Identity</legend>
        <div className="form-grid">
          <Field label="Name" registration={register("name")} error={errorFor("name")} autoComplete="off" required maxLength={200} />
          <Field
            label="Reference (your vendor number)"
            registration={register("externalRef")}
            error={errorFor("externalRef")}
            autoComplete="off"
            maxLength={100}
          />
        </div>
        <details
          className="other-ids"
          open={Boolean(
            defaultValues.osId ||
            defaultValues.duns ||
            defaultValues.lei ||
            defaultValues.taxId ||
            errorFor("duns") ||
            errorFor("lei") ||
            errorFor("osId") ||
            errorFor("taxId"),
          )}
        >
          <summary>Other identifiers</summary>
          <div className="form-grid">
            <Field
              label="Open Supply Hub OS ID"
              hint="For example CN2019303BQ3FZP."
              registration={register("osId")}
              error={errorFor("osId")}
              autoComplete="off"
              maxLength={40}
            />
            <Field
              label="DUNS number"
              hint="9 digits."
              registration={register("duns")}
              error={errorFor("duns")}
              autoComplete="off"
              inputMode="numeric"
              maxLength={20}
            />
            <Field
              label="LEI"
              hint="Legal Entity Identifier, 20 letters and digits."
              registration={register("lei")}
              error={errorFor("lei")}
              autoComplete="off"
              maxLength={20}
            />
            <Field label="Tax ID" registration={register("taxId")} error={errorFor("taxId")} autoComplete="off" maxLength={50} />
          </div>
        </details>
      </fieldset>

      <fieldset className="form-section">
        <legend>Location</legend>
        <div className="form-grid">
          <Select label="Country" registration={register("country")} error={errorFor("country")} required>
            <option value="">Choose a country…</option>
            {countries.map((c) => (
              <option key={c.iso2} value={c.iso2}>
                {c.name}
              </option>
            ))}
          </Select>
          <Field label="City" registration={register("city")} error={errorFor("city")} maxLength={100} />
        </div>
        <Field label="Address" registration={register("address")} error={errorFor("address")} maxLength={300} />
        <div className="form-grid" role="group" aria-label="Coordinates of the site">
          <Field
            label="Latitude"
            hint="Decimal degrees, e.g. 23.8103 (south is negative)."
            registration={register("latitude")}
            error={errorFor("latitude")}
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
          />
          <Field
            label="Longitude"
            hint="Decimal degrees, e.g. 90.4125 (west is negative)."
            registration={register("longitude")}
            error={errorFor("longitude")}
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>What they supply</legend>
        <Field
          label="Sector"
          hint="Pick one already in use or type a new one."
          registration={register("sector")}
          error={errorFor("sector")}
          list={`${id}-sectors`}
          maxLength={100}
        />
        <datalist id={`${id}-sectors`}>
          {sectors.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <Controller
          control={form.control}
          name="goods"
          render={({ field }) => (
            <GoodsPicker
              value={Array.isArray(field.value) ? field.value : field.value ? [field.value] : []}
              onChange={(next) => field.onChange(next)}
              suggestions={tvpraGoods}
              error={errorFor("goods")}
            />
          )}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>Size</legend>
        <div className="form-grid three">
          <Field
            label="Annual spend"
            hint="What you buy from them per year."
            registration={register("annualSpend")}
            error={errorFor("annualSpend")}
            inputMode="decimal"
            autoComplete="off"
          />
          <Field
            label="Currency"
            hint="3-letter code, e.g. USD."
            registration={register("currency")}
            error={errorFor("currency")}
            list={`${id}-currencies`}
            maxLength={3}
            autoComplete="off"
            className="short"
          />
          <Field
            label="Number of workers"
            hint="At this site, all contracts."
            registration={register("workersCount")}
            error={errorFor("workersCount")}
            inputMode="numeric"
            autoComplete="off"
          />
        </div>
        <datalist id={`${id}-currencies`}>
          {CURRENCIES.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </fieldset>

      <fieldset className="form-section">
        <legend>Contact</legend>
        <div className="form-grid">
          <Field
            label="Contact name"
            registration={register("contactName")}
            error={errorFor("contactName")}
            autoComplete="off"
            maxLength={120}
          />
          <Field
            label="Contact email"
            type="email"
            registration={register("contactEmail")}
            error={errorFor("contactEmail")}
            autoComplete="off"
            maxLength={254}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Notes and status</legend>
        <TextArea label="Notes" registration={register("notes")} error={errorFor("notes")} rows={4} maxLength={2000} />
        <div className="form-grid half">
          <Select label="Status" registration={register("status")} error={errorFor("status")}>
            {SUPPLIER_STATUSES.filter((s) => mode === "edit" || s !== "archived").map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </Select>
        </div>
      </fieldset>

      <div className="actions">
        <SubmitButton busy={busy}>{mode === "new" ? "Create supplier" : "Save changes"}</SubmitButton>
        <Link to={cancelHref} className="button link">
          Cancel
        </Link>
      </div>
    </Form>
  );
}

interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "name"> {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
}

function Select({ label, registration, error, children, ...rest }: SelectProps) {
  const id = useId();
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        {...rest}
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {children}
      </select>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name"> {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
}

function TextArea({ label, registration, error, ...rest }: TextAreaProps) {
  const id = useId();
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        {...rest}
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

// ---- Stale edits: what you tried to save next to what is stored now ----

const LABELS: Array<[keyof SupplierLike, string]> = [
  ["name", "Name"],
  ["externalRef", "Reference"],
  ["osId", "Open Supply Hub OS ID"],
  ["duns", "DUNS number"],
  ["lei", "LEI"],
  ["taxId", "Tax ID"],
  ["country", "Country"],
  ["address", "Address"],
  ["city", "City"],
  ["latitude", "Latitude"],
  ["longitude", "Longitude"],
  ["sector", "Sector"],
  ["goods", "Goods"],
  ["annualSpend", "Annual spend"],
  ["currency", "Currency"],
  ["workersCount", "Number of workers"],
  ["contactName", "Contact name"],
  ["contactEmail", "Contact email"],
  ["notes", "Notes"],
  ["status", "Status"],
];

function show(key: keyof SupplierLike, s: SupplierLike): string {
  const v = s[key];
  if (v == null || v === "" || (Array.isArray(v) && v.length === 0)) return "(empty)";
  if (key === "country") return `${countryName(String(v))} (${String(v)})`;
  if (key === "goods" && Array.isArray(v)) return v.join(", ");
  if (key === "status") return statusLabel(String(v));
  if (key === "annualSpend" && typeof v === "number") return formatMoney(v, s.currency);
  // Coordinates keep every decimal: rounding would hide a moved site.
  if (key === "latitude" || key === "longitude") return String(v);
  if (typeof v === "number") return formatNumber(v);
  return String(v);
}

function same(key: keyof SupplierLike, a: SupplierLike, b: SupplierLike): boolean {
  const x = a[key];
  const y = b[key];
  if (Array.isArray(x) && Array.isArray(y)) return [...x].sort().join("\n") === [...y].sort().join("\n");
  return (x ?? null) === (y ?? null);
}

/** The fields where your unsaved edit and the stored version differ, side by side. */
export function StaleEditComparison({ yours, theirs }: { yours: SupplierLike; theirs: SupplierLike }) {
  const rows = LABELS.filter(([k]) => !same(k, yours, theirs));
  if (!rows.length) return <p>Your edit and their version have the same values.</p>;
  return (
    <table className="table compare">
      <caption>Fields that differ</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Your edit (not saved)</th>
          <th scope="col">Saved now (their version)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, label]) => (
          <tr key={k}>
            <th scope="row">{label}</th>
            <td className="yours">{show(k, yours)}</td>
            <td className="theirs">{show(k, theirs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
