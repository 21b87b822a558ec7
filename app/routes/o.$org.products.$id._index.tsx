// One product: its details, its bill of materials as a tree (inputs added, edited and removed here by
// admins and compliance officers), what its tracing pack will say (gaps, regulators' flags, origins,
// warnings where the BOM and the supplier graph disagree), and the form that downloads the pack.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireOrg } from "~/lib/auth.server";
import { badRequest, notFound, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { isDbId } from "~/schemas/fields";
import { BomItemSchema, ProductSchema } from "~/schemas/product";
import { addBomItem, editBomItem, editProduct, productPage, removeBomItem } from "~/services/products.server";
import { ProductForm } from "~/components/product-forms";
import { BomTree, PackPanel, TracePreview } from "~/components/product-trace";
import { useOrg } from "./o.$org";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.product.name ?? "Product"} — Lantern` }];

function productId(raw: string | undefined): number {
  if (!raw || !isDbId(raw)) throw notFound("No such product");
  return Number(raw);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "products.view");
  const page = await productPage(context.db, ident, productId(params.id));
  if (!page) throw notFound("No such product");
  return json(page);
}

const ItemIdSchema = z.object({ itemId: z.string().refine(isDbId, "Choose an input").transform(Number) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "products.edit");
  const id = productId(params.id);
  const here = `/o/${ident.org.slug}/products/${id}`;
  let fields: Record<string, string>;
  try {
    fields = Object.fromEntries([...(await request.formData()).entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return badRequest({ formError: "The form could not be read." });
  }
  const [db, ip, intent, formKey] = [context.db, context.clientIp, fields.intent ?? "", fields.formKey ?? "add"];
  // The product itself gone (another tab deleted it, another tenant's id) is a 404; anything else shows on the form.
  const gone = (r: { kind: string; message: string }) => r.kind === "not_found" && r.message === "No such product";
  if (intent === "details") {
    const parsed = ProductSchema.safeParse(fields);
    if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error), formError: "Please check the form." });
    const r = await editProduct(db, ident, id, parsed.data, ip);
    if (!r.ok) return gone(r) ? notFound("No such product") : problemResponse(r);
    return redirectWithToast(here, "Product saved.");
  }
  if (intent === "add-item" || intent === "edit-item") {
    const parsed = BomItemSchema.safeParse(fields);
    if (!parsed.success)
      return json({ formKey, fieldErrors: zodFieldErrors(parsed.error), formError: "Please check the input." }, { status: 400 });
    if (intent === "add-item") {
      const r = await addBomItem(db, ident, id, parsed.data, ip);
      if (!r.ok) return gone(r) ? notFound("No such product") : problemResponse(r, { formKey });
      return redirectWithToast(here, `${parsed.data.material} added.`);
    }
    const item = ItemIdSchema.safeParse(fields);
    if (!item.success) return badRequest({ formError: "Choose an input to change." });
    const r = await editBomItem(db, ident, id, item.data.itemId, parsed.data, ip);
    if (!r.ok) return gone(r) ? notFound("No such product") : problemResponse(r, { formKey });
    return redirectWithToast(here, `${parsed.data.material} saved.`);
  }
  if (intent === "remove-item") {
    const item = ItemIdSchema.safeParse(fields);
    if (!item.success) return badRequest({ formError: "Choose an input to remove." });
    const r = await removeBomItem(db, ident, id, item.data.itemId, ip);
    if (!r.ok) return gone(r) ? notFound("No such product") : problemResponse(r);
    return redirectWithToast(here, r.value.removed > 1 ? `Input and ${r.value.removed - 1} input(s) under it removed.` : "Input removed.");
  }
  return badRequest({ formError: "Unknown action." });
}

export default function ProductPage() {
  const d = useLoaderData<typeof loader>();
  const { org } = useOrg();
  const base = `/o/${org.slug}/products`;
  const p = d.product;
  return (
    <main className="page wide product-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={base}>Products</Link>
      </nav>
      <h1>{p.name}</h1>
      <p className="muted">
        SKU {p.sku} · HS code {p.hsCode} · final manufacturer:{" "}
        {p.madeBy ? <Link to={`/o/${org.slug}/suppliers/${p.madeBy}`}>{p.madeByName}</Link> : "not recorded"}
      </p>
      {p.description ? <p>{p.description}</p> : null}
      <PackPanel action={`${base}/${p.id}/pack`} packs={d.packs} mayMake={d.mayEdit} />
      <TracePreview doc={d.preview} />
      <BomTree orgSlug={org.slug} rows={d.tree} suppliers={d.supplierChoices} mayEdit={d.mayEdit} />
      {d.mayEdit ? (
        <details className="card narrow">
          <summary>Edit the product</summary>
          <ProductForm
            orgSlug={org.slug}
            intent="details"
            submitLabel="Save product"
            defaults={{
              name: p.name,
              sku: p.sku,
              hsCode: p.hsCode,
              description: p.description,
              madeByName: p.madeByName,
              version: p.version,
            }}
          />
        </details>
      ) : null}
    </main>
  );
}
