// The statement as a Word document (app/lib/statement-docx.server.ts): the frozen figures once
// approved, each a link back to its source in the app.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrg } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { statementDocx } from "~/services/statement-docx.server";
import { isDbId } from "~/schemas/fields";
import { statementDocument } from "~/services/statement-pages.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "statements.view");
  if (!params.id || !isDbId(params.id)) throw notFound("No such statement");
  const d = await statementDocument(context.db, ident, Number(params.id));
  if (!d) throw notFound("No such statement");
  const bytes = await statementDocx(d, new URL(request.url).origin);
  const name = `${ident.org.slug}-${d.title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${d.year}.docx`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="${name}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
