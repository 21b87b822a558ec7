// The product forms: the product itself (name, SKU, HS code, description, final manufacturer found
// with the supplier picker) and one bill-of-materials input (material, what it goes into, who
// supplies it, raw material and origin). react-hook-form + zod on the text fields, the same schemas
// parsed again in the action; several input forms share a page, so each shows the server's errors
// only when the answer names it (`formKey`).
import { Form, useActionData, useNavigation, useSubmit } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { z } from "zod";
import { ProductSchema } from "~/schemas/product";
import { Field, FormError, SubmitButton, useZodForm } from "./forms";
import { SupplierPicker } from "./supplier-picker";

export interface ProductDefaults {
  name: string;
  sku: string;
  hsCode: string;
  description: string | null;
  madeByName: string | null;
  version: number;
}

export function ProductForm({
  orgSlug,
  intent,
  defaults,
  submitLabel,
}: {
  orgSlug: string;
  intent: string;
  defaults?: ProductDefaults;
  submitLabel: string;
}) {
  const { form, onSubmit, errorFor, formError, busy } = useZodForm(ProductSchema, {
    defaultValues: defaults
      ? { name: defaults.name, sku: defaults.sku, hsCode: defaults.hsCode, description: defaults.description ?? "" }
      : undefined,
  });
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="form">
      <input type="hidden" name="intent" value={intent} />
      {defaults ? <input type="hidden" name="version" value={defaults.version} /> : null}
      <FormError message={formError} />
      <Field label="Name" registration={form.register("name")} error={errorFor("name")} autoComplete="off" />
      <Field
        label="SKU"
        hint="Your article number; unique among your products."
        registration={form.register("sku")}
        error={errorFor("sku")}
      />
      <Field
        label="HS code"
        hint="6 to 10 digits, e.g. 610910 for cotton T-shirts."
        registration={form.register("hsCode")}
        error={errorFor("hsCode")}
        inputMode="numeric"
      />
      <Field label="Description (optional)" registration={form.register("description")} error={errorFor("description")} />
      {defaults?.madeByName ? (
        <p className="hint">
          Final manufacturer now: <strong>{defaults.madeByName}</strong>. Choose another below to change it, or leave the search empty to
          keep it.
        </p>
      ) : null}
      {defaults?.madeByName ? <input type="hidden" name="keepMadeBy" value="1" /> : null}
      <SupplierPicker
        orgSlug={orgSlug}
        label="Final manufacturer (the factory that makes the product)"
        name="madeBy"
        error={errorFor("madeBy")}
      />
      <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
    </Form>
  );
}

// The client checks what it can without the server: the material's name and the origin's shape.
const ItemClientSchema = z.object({
  material: z.string().trim().min(2, "Name the material or input").max(200, "Material: at most 200 characters"),
  originCountry: z
    .string()
    .trim()
    .regex(/^([A-Za-z]{2})?$/, "Country: two letters (ISO 3166-1), e.g. BR")
    .optional(),
  originSubdivision: z
    .string()
    .trim()
    .regex(/^([A-Za-z]{2}-[A-Za-z0-9]{1,3})?$/, "Subdivision: an ISO 3166-2 code, e.g. CN-XJ or BR-MT")
    .optional(),
});

export interface ItemDefaults {
  id: number;
  material: string;
  parentId: number | null;
  supplierId: number | null;
  isRaw: boolean;
  origin: { country: string | null; subdivision: string | null; region: string | null };
}

interface ItemFormProps {
  orgSlug: string;
  /** What the item may go into (its own subtree left out). */
  parents: ReadonlyArray<{ value: number; label: string }>;
  suppliers: ReadonlyArray<{ value: number; label: string }>;
  item?: ItemDefaults;
  parentId?: number | null;
}

type ItemAnswer = { formKey?: string; fieldErrors?: Record<string, string>; formError?: string } | undefined;

export function BomItemForm({ orgSlug, parents, suppliers, item, parentId = null }: ItemFormProps) {
  const id = useId();
  const formKey = item ? `item-${item.id}` : "add";
  const answer = useActionData<ItemAnswer>();
  const mine = answer?.formKey === formKey ? answer : undefined;
  const navigation = useNavigation();
  const submit = useSubmit();
  const [raw, setRaw] = useState(item?.isRaw ?? false);
  const form = useForm<z.input<typeof ItemClientSchema>>({
    resolver: zodResolver(ItemClientSchema),
    defaultValues: {
      material: item?.material ?? "",
      originCountry: item?.origin.country ?? "",
      originSubdivision: item?.origin.subdivision ?? "",
    },
    mode: "onTouched",
  });
  const errorFor = (name: keyof z.input<typeof ItemClientSchema> | string) =>
    (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message ?? mine?.fieldErrors?.[name];
  const busy = navigation.state === "submitting" && navigation.formData?.get("formKey") === formKey;
  return (
    <Form
      method="post"
      noValidate
      className="form bom-item-form"
      onSubmit={(e) => {
        const el = e.currentTarget;
        void form.handleSubmit(() => submit(el, { method: "post" }))(e);
      }}
    >
      <input type="hidden" name="intent" value={item ? "edit-item" : "add-item"} />
      <input type="hidden" name="formKey" value={formKey} />
      {item ? <input type="hidden" name="itemId" value={item.id} /> : null}
      <FormError message={mine?.formError} />
      <Field
        label="Material or input"
        registration={form.register("material")}
        error={errorFor("material")}
        placeholder="e.g. Combed cotton yarn"
      />
      <div className={`field${errorFor("parentId") ? " has-error" : ""}`}>
        <label htmlFor={`${id}-parent`}>Goes into</label>
        <select id={`${id}-parent`} name="parentId" defaultValue={String(item?.parentId ?? parentId ?? "none")}>
          <option value="none">The product itself (a direct input)</option>
          {parents.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
        {errorFor("parentId") ? (
          <p className="field-error" role="alert">
            {errorFor("parentId")}
          </p>
        ) : null}
      </div>
      <div className={`field${errorFor("supplierId") ? " has-error" : ""}`}>
        <label htmlFor={`${id}-supplier`}>Supplied by</label>
        <select id={`${id}-supplier`} name="supplierId" defaultValue={String(item?.supplierId ?? "none")}>
          <option value="none">Not known</option>
          {suppliers.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        {errorFor("supplierId") ? (
          <p className="field-error" role="alert">
            {errorFor("supplierId")}
          </p>
        ) : null}
      </div>
      <SupplierPicker orgSlug={orgSlug} label="…or find another supplier" name="supplierSearchId" />
      <div className="field checkbox">
        <label>
          <input type="checkbox" name="isRaw" checked={raw} onChange={(e) => setRaw(e.target.checked)} /> A raw material (it has an origin,
          not inputs)
        </label>
        {errorFor("isRaw") ? (
          <p className="field-error" role="alert">
            {errorFor("isRaw")}
          </p>
        ) : null}
      </div>
      {raw ? (
        <fieldset className="bom-origin">
          <legend>Origin (leave empty if not known)</legend>
          <Field
            label="Country (ISO code)"
            registration={form.register("originCountry")}
            error={errorFor("originCountry")}
            maxLength={2}
            placeholder="BR"
          />
          <Field
            label="Subdivision (ISO 3166-2, optional)"
            registration={form.register("originSubdivision")}
            error={errorFor("originSubdivision")}
            placeholder="BR-MT"
          />
          <div className="field">
            <label htmlFor={`${id}-region`}>Region (free text, optional)</label>
            <input id={`${id}-region`} name="originRegion" defaultValue={item?.origin.region ?? ""} maxLength={200} />
          </div>
        </fieldset>
      ) : null}
      <SubmitButton busy={busy}>{item ? "Save input" : "Add input"}</SubmitButton>
    </Form>
  );
}
