import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrg } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { downloadEvidence } from "~/services/evidence.server";
import { isDbId } from "~/schemas/fields";

// An evidence file, always as an attachment (never rendered inline). Another tenant's file, a file
// of another assessment or a removed one: 404, like a file that never existed.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "assessments.view");
  const ok = (raw: string | undefined) => Boolean(raw && isDbId(raw));
  if (!ok(params.id) || !ok(params.fileId)) throw notFound("No such file");
  const file = await downloadEvidence(context.db, { kind: "officer", id: ident }, Number(params.id), Number(params.fileId));
  if (!file) throw notFound("No such file");
  // A copy with its own ArrayBuffer: what the fetch Response type accepts.
  return new Response(Uint8Array.from(file.body), { status: 200, headers: file.headers });
}
