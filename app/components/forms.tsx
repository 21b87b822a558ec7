// react-hook-form + zod on the client, the same schema re-checked in the action.
// The form posts its real <form> element (so hidden inputs such as `intent` travel too) through
// Remix's useSubmit; errors from the server (actionData.fieldErrors) show next to the same fields.
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionData, useNavigation, useSubmit } from "@remix-run/react";
import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { useForm, type DefaultValues, type FieldValues, type UseFormRegisterReturn } from "react-hook-form";
import type { z } from "zod";

export type ServerErrors = { fieldErrors?: Record<string, string>; formError?: string };

/** The errors in an action's answer, whatever else the answer carries (a redirect carries none). */
function serverErrorsOf(data: unknown): ServerErrors {
  if (typeof data !== "object" || data === null) return {};
  const fieldErrors = "fieldErrors" in data && typeof data.fieldErrors === "object" && data.fieldErrors !== null ? data.fieldErrors : {};
  return {
    fieldErrors: Object.fromEntries(Object.entries(fieldErrors).filter((e): e is [string, string] => typeof e[1] === "string")),
    formError: "formError" in data && typeof data.formError === "string" ? data.formError : undefined,
  };
}

/**
 * `Action` is the route's action (`useZodForm<typeof Schema, typeof action>(Schema)`): the hook reads
 * its answer typed, and `actionData` hands it on for what the page shows besides errors.
 */
export function useZodForm<
  S extends z.ZodType<FieldValues, z.ZodTypeDef, FieldValues>,
  Action extends (...args: never[]) => unknown = () => Promise<ServerErrors>,
>(schema: S, options: { defaultValues?: DefaultValues<z.input<S>>; action?: string } = {}) {
  const submit = useSubmit();
  const navigation = useNavigation();
  const actionData = useActionData<Action>();
  const serverErrors = serverErrorsOf(actionData);
  const form = useForm<z.input<S>>({
    resolver: zodResolver(schema),
    defaultValues: options.defaultValues,
    mode: "onTouched",
  });
  const onSubmit = form.handleSubmit((_data, event) => {
    const el = event?.target;
    if (el instanceof HTMLFormElement) submit(el, { method: "post", action: options.action });
  });
  const errorFor = (name: string): string | undefined => {
    const client = (form.formState.errors as Record<string, { message?: unknown } | undefined>)[name]?.message;
    return typeof client === "string" ? client : serverErrors.fieldErrors?.[name];
  };
  return {
    form,
    onSubmit,
    errorFor,
    formError: serverErrors.formError,
    actionData,
    busy: navigation.state === "submitting",
  };
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "name"> {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
  hint?: ReactNode;
}

/** A labelled input with its hint and error announced to screen readers. */
export function Field({ label, registration, error, hint, ...rest }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        {...rest}
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      />
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div className="alert error" role="alert">
      {message}
    </div>
  );
}

export function SubmitButton({ busy, children, className }: { busy: boolean; children: ReactNode; className?: string }) {
  return (
    <button type="submit" className={className ?? "button"} disabled={busy} aria-busy={busy || undefined}>
      {children}
    </button>
  );
}
