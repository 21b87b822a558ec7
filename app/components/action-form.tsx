// The "new corrective action" form: react-hook-form + the zod schema of app/schemas/action.ts (the
// action parses the same schema). The supplier is either fixed (?supplier=<id>) or chosen with the
// supplier picker, whose radio buttons are plain form data; the resolver is told of the choice.
import { Form, Link } from "@remix-run/react";
import { useEffect, useId, type ChangeEvent, type ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { NewActionSchema } from "~/schemas/action";
import { Field, FormError, SubmitButton, useZodForm } from "./forms";
import { SupplierPicker } from "./supplier-picker";

interface Props {
  orgSlug: string;
  supplier: { id: number; name: string } | null;
  owners: ReadonlyArray<{ id: number; name: string; email: string }>;
  me: number;
  today: string;
  defaultDue: string;
  cancelHref: string;
  /** Opened from a review comment: its id goes with the form and its text starts the details. */
  fromComment?: { id: number; details: string } | null;
}

export function NewActionForm({ orgSlug, supplier, owners, me, today, defaultDue, cancelHref, fromComment }: Props) {
  const { form, onSubmit, errorFor, formError, busy } = useZodForm(NewActionSchema, {
    defaultValues: {
      supplierId: supplier ? String(supplier.id) : undefined,
      title: "",
      details: fromComment ? fromComment.details.slice(0, 4000) : "",
      commentId: fromComment ? String(fromComment.id) : undefined,
      ownerUserId: owners.some((o) => o.id === me) ? String(me) : "",
      dueAt: defaultDue,
    },
  });
  const { register, setValue } = form;
  // The picker's radios are not registered inputs: register the field and follow their changes.
  useEffect(() => {
    if (!supplier) register("supplierId");
  }, [register, supplier]);
  const onPickerChange = (e: ChangeEvent<HTMLDivElement>) => {
    const el = e.target as unknown as HTMLInputElement;
    if (el.name === "supplierId" && el.type === "radio") setValue("supplierId", el.value, { shouldValidate: true });
    else if (el.type === "search") setValue("supplierId", undefined as unknown as string);
  };
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="card stack action-new-form">
      <FormError message={formError} />
      {fromComment ? <input type="hidden" name="commentId" value={fromComment.id} /> : null}
      {supplier ? (
        <div className="field">
          <span className="label">Supplier</span>
          <p>
            <strong>{supplier.name}</strong>
          </p>
          <input type="hidden" name="supplierId" value={supplier.id} />
        </div>
      ) : (
        <div onChange={onPickerChange}>
          <SupplierPicker orgSlug={orgSlug} label="Supplier" name="supplierId" error={errorFor("supplierId")} />
        </div>
      )}
      <Field
        label="Title"
        registration={register("title")}
        error={errorFor("title")}
        maxLength={200}
        required
        hint="What must change, in a few words."
      />
      <TextArea
        label="Details (optional)"
        registration={register("details")}
        error={errorFor("details")}
        rows={5}
        maxLength={4000}
        hint="What was found, what is expected, what evidence will show it is fixed."
      />
      <Select
        label="Owner"
        registration={register("ownerUserId")}
        error={errorFor("ownerUserId")}
        hint="Who follows it up and is reminded when it is overdue."
      >
        <option value="">Nobody yet</option>
        {owners.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name} ({o.email})
          </option>
        ))}
      </Select>
      <Field
        label="Due date"
        type="date"
        min={today}
        required
        registration={register("dueAt")}
        error={errorFor("dueAt")}
        hint="30 days from today unless you choose another date."
      />
      <div className="actions">
        <SubmitButton busy={busy}>Open the action</SubmitButton>
        <Link to={cancelHref} className="button link">
          Cancel
        </Link>
      </div>
    </Form>
  );
}

interface ControlProps {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
  hint?: ReactNode;
}

export function Select({ label, registration, error, hint, children }: ControlProps & { children: ReactNode }) {
  const id = useId();
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
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

export function TextArea({ label, registration, error, hint, rows, maxLength }: ControlProps & { rows?: number; maxLength?: number }) {
  const id = useId();
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={rows}
        maxLength={maxLength}
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
