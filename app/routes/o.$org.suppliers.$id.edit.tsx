import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { requireOrg } from "~/lib/auth.server";
import { badRequest, formObject, notFound, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { SupplierEditSchema, type SupplierInput } from "~/schemas/supplier";
import { filterOptions, getSupplier, knownCountries, tvpraGoodsNames, type SupplierRecord } from "~/models/supplier.server";
import { updateSupplier } from "~/services/suppliers.server";
import { namedCountries, SupplierForm } from "~/components/supplier-form";
import { toFormValues } from "~/schemas/supplier-form";
import { StaleEditComparison } from "~/components/supplier-stale-edit";
import { useOrg } from "./o.$org";
import { isDbId } from "~/schemas/fields";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit ${data?.supplier.name ?? "supplier"} — Lantern` }];

/** Ids are positive integers; anything else is simply not found. */
function supplierId(raw: string | undefined): number {
  if (!raw || !isDbId(raw)) throw notFound("No such supplier");
  return Number(raw);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "suppliers.edit");
  const id = supplierId(params.id);
  const [supplier, countries, tvpraGoods, options] = await Promise.all([
    getSupplier(context.db, org.id, id),
    knownCountries(context.db),
    tvpraGoodsNames(context.db),
    filterOptions(context.db, org.id),
  ]);
  if (!supplier) throw notFound("No such supplier");
  return json({ supplier, countries: namedCountries(countries), tvpraGoods, sectors: options.sectors });
}

type StaleData = { stale: true; current: SupplierRecord; yours: SupplierInput };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "suppliers.edit");
  const id = supplierId(params.id);
  const parsed = SupplierEditSchema.safeParse(await formObject(request));
  if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error) });
  const { version, ...input } = parsed.data;
  const result = await updateSupplier(context.db, ident, id, version, input, context.clientIp);
  if (!result.ok) {
    // Never overwrite someone else's save: answer with what is stored now, and what this person sent.
    if (result.detail) return json<StaleData>({ stale: true, current: result.detail.current, yours: input }, { status: 409 });
    if (result.kind === "not_found") throw notFound("No such supplier");
    return problemResponse(result);
  }
  return redirectWithToast(`/o/${ident.org.slug}/suppliers/${id}`, "Supplier saved");
}

export default function EditSupplier() {
  const { supplier, countries, tvpraGoods, sectors } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const stale = result && "stale" in result ? result : null;
  // The form starts from the loaded version and restarts only on a stale answer, from their version
  // (new key → fresh form on the new version); what this person typed stays in the comparison
  // table. A later 400 keeps the form as typed. (React's "adjust state while rendering" pattern.)
  const [base, setBase] = useState(supplier);
  if (stale && stale.current.version !== base.version) setBase(stale.current);
  // The save button is at the bottom; bring the alert into view (and to screen readers' attention).
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (stale) alertRef.current?.focus();
  }, [stale]);
  const { org } = useOrg();
  const list = `/o/${org.slug}/suppliers`;
  const page = `${list}/${supplier.id}`;
  return (
    <main className="page supplier-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={list}>Suppliers</Link> / <Link to={page}>{supplier.name}</Link>
      </nav>
      <h1>Edit {supplier.name}</h1>
      <SupplierForm
        key={base.version}
        mode="edit"
        schema={SupplierEditSchema}
        defaultValues={toFormValues(base)}
        countries={countries}
        tvpraGoods={tvpraGoods}
        sectors={sectors}
        cancelHref={page}
        server={result && "stale" in result ? undefined : result}
      >
        {stale ? (
          <div className="alert error stale" role="alert" ref={alertRef} tabIndex={-1}>
            <p className="alert-title">
              Someone else changed this supplier while you were editing. Their version is shown below; your changes were not saved.
            </p>
            <StaleEditComparison yours={stale.yours} theirs={stale.current} />
            <p>
              {/* A plain link: a full reload gives a fresh form on the latest version. */}
              <a href={`${page}/edit`} className="button secondary small">
                Reload the latest version
              </a>{" "}
              <span className="small">
                The form below now holds their version: make your changes again (yours are in the table), then save.
              </span>
            </p>
          </div>
        ) : null}
      </SupplierForm>
    </main>
  );
}
