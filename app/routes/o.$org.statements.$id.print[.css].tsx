// The statement's print stylesheet: running header and page numbers (app/domain/statement/print.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrg } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { isDbId } from "~/schemas/fields";
import { statementPageCss } from "~/domain/statement/print";
import { statementDocument } from "~/services/statement-pages.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "statements.view");
  if (!params.id || !isDbId(params.id)) throw notFound("No such statement");
  const d = await statementDocument(context.db, ident, Number(params.id));
  if (!d) throw notFound("No such statement");
  return new Response(statementPageCss({ organization: d.orgName, title: d.title, year: d.year, draft: d.status === "draft" }), {
    headers: { "Content-Type": "text/css; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" },
  });
}
