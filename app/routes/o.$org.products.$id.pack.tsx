// Download a product's tracing pack (POST: making one is recorded and audited): a ZIP of the PDF
// report, copies of the evidence files and a manifest of SHA-256s, written to a temporary file by
// the service and streamed from there (its name removed once it is open). Admins and compliance officers make packs
// (products.edit): making one is recorded.
import fs from "node:fs";
import { once } from "node:events";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable, redirect } from "@remix-run/node";
import { downloadHeaders } from "~/domain/upload/filename";
import { requireOrg } from "~/lib/auth.server";
import { badRequest, notFound, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { removeSoon } from "~/lib/tracing/pack-zip.server";
import { isDbId } from "~/schemas/fields";
import { ShipmentSchema } from "~/schemas/product";
import { makeTracingPack } from "~/services/tracing-pack.server";

function productId(raw: string | undefined): number {
  if (!raw || !isDbId(raw)) throw notFound("No such product");
  return Number(raw);
}

/** A GET (a bookmarked or reloaded link) goes back to the product page, where the form is. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "products.view");
  return redirect(`/o/${ident.org.slug}/products/${productId(params.id)}`);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "products.edit");
  const id = productId(params.id);
  let fields: Record<string, string>;
  try {
    fields = Object.fromEntries([...(await request.formData()).entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return badRequest({ formError: "The form could not be read." });
  }
  const parsed = ShipmentSchema.safeParse(fields);
  if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error), formError: "Please check the shipment." });
  const r = await makeTracingPack(context.db, ident, id, parsed.data, context.clientIp);
  if (!r.ok) return r.kind === "not_found" ? notFound("No such product") : problemResponse(r);
  const stream = fs.createReadStream(r.value.file);
  // Once open, the file's name can go: the open descriptor keeps its bytes readable (POSIX), so nothing
  // is left behind even when the client never reads the response.
  await once(stream, "open");
  removeSoon(r.value.file);
  const headers = {
    ...downloadHeaders({ filename: r.value.filename, mime: "application/zip" }, r.value.size),
    "Content-Type": "application/zip",
  };
  return new Response(createReadableStreamFromReadable(stream), { status: 200, headers: { ...headers, "X-Pack-Sha256": r.value.sha256 } });
}
