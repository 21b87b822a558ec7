// The methodology form's first section: which risk model computes the scores, and the settings only
// model v2 reads (what a declared answer earns, what a likely good counts, the listed-goods floor).
// Choosing v2 on a v1 methodology puts v2's default inherent weights into the form (child-labour
// goods get their own weight); the admin previews the band moves before saving.
import { useId } from "react";
import type { UseFormSetValue } from "react-hook-form";
import { METHODOLOGY_V2 } from "~/domain/risk/methodology";
import type { MethodologyFormValues } from "~/schemas/methodology";
import { Field } from "./forms";
import type { SectionProps } from "./methodology-fields";

const NUMBER = { inputMode: "decimal", autoComplete: "off" } as const;

export function RiskModelSection({
  register,
  errorFor,
  model,
  setValue,
}: SectionProps & { model: string | undefined; setValue: UseFormSetValue<MethodologyFormValues> }) {
  const id = useId();
  const error = errorFor("model");
  const registration = register("model", {
    onChange: (e: { target: { value: string } }) => {
      if (e.target.value !== "v2") return;
      const w = METHODOLOGY_V2.inherentWeights;
      for (const key of ["country", "goods", "childGoods", "workforce"] as const) {
        setValue(`inherentWeights.${key}`, String(w[key]), { shouldDirty: true });
      }
    },
  });
  return (
    <fieldset className="form-section">
      <legend>Risk model</legend>
      <div className={`field${error ? " has-error" : ""}`}>
        <label htmlFor={id}>Model that computes the scores</label>
        <select id={id} {...registration} aria-describedby={`${id}-hint`} aria-invalid={error ? true : undefined}>
          <option value="v2">v2: proven over declared</option>
          <option value="v1">v1: answers count in full</option>
        </select>
        <p className="hint muted small" id={`${id}-hint`}>
          v2 adds likely goods from a supplier&apos;s sector, scores child labour as its own part, credits an answer in full only when a
          reviewer accepted a document behind it, and keeps suppliers with a good listed for their own country at least at the floor below.
          Choosing v2 here fills in v2&apos;s default weights; preview before saving.
        </p>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      {model !== "v2" ? (
        // v1 does not read them; they travel with the form so that a later move to v2 keeps them.
        <>
          <input type="hidden" {...register("declaredCredit")} />
          <input type="hidden" {...register("likelyGoodsFactor")} />
          <input type="hidden" {...register("goodsFloor")} />
        </>
      ) : (
        <div className="form-grid three">
          <Field
            label="A declared answer earns"
            hint="Share of its points (0–1) when no accepted document or audit backs it."
            registration={register("declaredCredit")}
            error={errorFor("declaredCredit")}
            {...NUMBER}
          />
          <Field
            label="A likely good counts"
            hint="Share (0–1) of the same good recorded."
            registration={register("likelyGoodsFactor")}
            error={errorFor("likelyGoodsFactor")}
            {...NUMBER}
          />
          <Field
            label="Listed-goods floor"
            hint="Lowest score while a recorded good is listed for the supplier's own country."
            registration={register("goodsFloor")}
            error={errorFor("goodsFloor")}
            {...NUMBER}
          />
        </div>
      )}
    </fieldset>
  );
}
