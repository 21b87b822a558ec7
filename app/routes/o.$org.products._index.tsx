// The organisation's products: each with its SKU, HS code, final manufacturer, how many inputs its
// bill of materials has and when a tracing pack was last made; admins and compliance officers add
// products here (products.edit), everyone else reads (products.view).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { badRequest, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { ProductSchema } from "~/schemas/product";
import { createProduct, productsPage } from "~/services/products.server";
import { ProductForm } from "~/components/product-forms";
import { useOrg } from "./o.$org";

export const meta: MetaFunction = () => [{ title: "Products — Lantern" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "products.view");
  return json(await productsPage(context.db, ident));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "products.edit");
  let fields: Record<string, string>;
  try {
    fields = Object.fromEntries([...(await request.formData()).entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return badRequest({ formError: "The form could not be read." });
  }
  const parsed = ProductSchema.safeParse(fields);
  if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error), formError: "Please check the form." });
  const r = await createProduct(context.db, ident, parsed.data, context.clientIp);
  if (!r.ok) return problemResponse(r);
  return redirectWithToast(`/o/${ident.org.slug}/products/${r.value.productId}`, "Product added. Now list what it is made from.");
}

export default function Products() {
  const d = useLoaderData<typeof loader>();
  const { org } = useOrg();
  const base = `/o/${org.slug}/products`;
  return (
    <main className="page wide">
      <h1>Products</h1>
      <p className="muted">
        A product lists its inputs, who supplies each, and where its raw materials come from. Its tracing pack gathers what regulators ask
        for (UFLPA detentions, the EU Forced Labour Regulation): every supplier in the chain with its risk and evidence, origins, and the
        gaps.
      </p>
      {d.products.length === 0 ? (
        <p className="empty">No products yet.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Products">
          <table className="table">
            <caption className="sr-only">Products</caption>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">SKU</th>
                <th scope="col">HS code</th>
                <th scope="col">Final manufacturer</th>
                <th scope="col">Inputs</th>
                <th scope="col">Last pack</th>
              </tr>
            </thead>
            <tbody>
              {d.products.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`${base}/${p.id}`}>{p.name}</Link>
                  </td>
                  <td>{p.sku}</td>
                  <td>{p.hsCode}</td>
                  <td>{p.madeByName ?? <span className="muted">not recorded</span>}</td>
                  <td>{p.items}</td>
                  <td className="nowrap">{p.lastPackAt ? p.lastPackAt.slice(0, 10) : <span className="muted">never</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d.mayEdit ? (
        <section className="card narrow" aria-labelledby="new-product-h">
          <h2 id="new-product-h">Add a product</h2>
          <ProductForm orgSlug={org.slug} intent="create" submitLabel="Add product" />
        </section>
      ) : null}
    </main>
  );
}
