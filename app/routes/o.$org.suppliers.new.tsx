import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { badRequest, formObject, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { SupplierSchema } from "~/schemas/supplier";
import { filterOptions, knownCountries, tvpraGoodsNames } from "~/models/supplier.server";
import { createSupplier } from "~/services/suppliers.server";
import { namedCountries, SupplierForm } from "~/components/supplier-form";
import { toFormValues } from "~/schemas/supplier-form";
import { useOrg } from "./o.$org";

export const meta: MetaFunction = () => [{ title: "New supplier — Lantern" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "suppliers.edit");
  const [countries, tvpraGoods, options] = await Promise.all([
    knownCountries(context.db),
    tvpraGoodsNames(context.db),
    filterOptions(context.db, org.id),
  ]);
  return json({ countries: namedCountries(countries), tvpraGoods, sectors: options.sectors });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = await requireOrg(request, context, params.org, "suppliers.edit");
  const parsed = SupplierSchema.safeParse(await formObject(request));
  if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error) });
  const result = await createSupplier(context.db, id, parsed.data, context.clientIp);
  if (!result.ok) return problemResponse(result);
  return redirectWithToast(`/o/${id.org.slug}/suppliers/${result.value.id}`, "Supplier created");
}

const EMPTY = toFormValues({
  name: "",
  externalRef: null,
  country: "",
  address: null,
  city: null,
  latitude: null,
  longitude: null,
  sector: null,
  goods: [],
  annualSpend: null,
  currency: null,
  workersCount: null,
  contactName: null,
  contactEmail: null,
  osId: null,
  duns: null,
  lei: null,
  taxId: null,
  notes: null,
  status: "active",
});

export default function NewSupplier() {
  const { countries, tvpraGoods, sectors } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>();
  const { org } = useOrg();
  const list = `/o/${org.slug}/suppliers`;
  return (
    <main className="page supplier-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={list}>Suppliers</Link>
      </nav>
      <h1>New supplier</h1>
      <SupplierForm
        mode="new"
        schema={SupplierSchema}
        defaultValues={EMPTY}
        countries={countries}
        tvpraGoods={tvpraGoods}
        sectors={sectors}
        cancelHref={list}
        server={errors}
      />
    </main>
  );
}
