// The supplier form's sections (fieldsets), one component each, and its select and text area.
import { useId, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { Controller, type Control, type UseFormRegister, type UseFormRegisterReturn } from "react-hook-form";
import { SUPPLIER_STATUSES } from "~/schemas/supplier";
import { Field } from "./forms";
import { GoodsPicker } from "./goods-picker";
import { statusLabel } from "./supplier-display";
import type { SupplierFormValues } from "~/schemas/supplier-form";

export interface SectionProps {
  register: UseFormRegister<SupplierFormValues>;
  /** The field's error: the browser's check first, else the server's. */
  errorFor: (name: string) => string | undefined;
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

/** The name, the reference and the other identifiers (folded away while empty). */
export function IdentitySection({ register, errorFor, defaultValues }: SectionProps & { defaultValues: SupplierFormValues }) {
  return (
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
  );
}

/** Country, city, address and the coordinates of the site. */
export function LocationSection({ register, errorFor, countries }: SectionProps & { countries: Array<{ iso2: string; name: string }> }) {
  return (
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
  );
}

interface SupplyProps extends SectionProps {
  control: Control<SupplierFormValues>;
  /** A prefix for the datalist's id, unique to this form. */
  id: string;
  sectors: string[];
  tvpraGoods: string[];
}

/** The sector (with the ones in use as suggestions) and the goods. */
export function SupplySection({ register, errorFor, control, id, sectors, tvpraGoods }: SupplyProps) {
  return (
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
        control={control}
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
  );
}

/** Annual spend, its currency and the number of workers. */
export function SizeSection({ register, errorFor, id }: SectionProps & { id: string }) {
  return (
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
  );
}

/** Who to contact. */
export function ContactSection({ register, errorFor }: SectionProps) {
  return (
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
  );
}

/** Notes, and the status (archived only when editing). */
export function NotesSection({ register, errorFor, mode }: SectionProps & { mode: "new" | "edit" }) {
  return (
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
