import { addDays, todayIso } from "~/domain/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LanguageSelect } from "~/components/language-select";
import { requireOrg } from "~/lib/auth.server";
import { badRequest, formObject, notFound, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { parseSearchParams } from "~/schemas/audit";
import { SupplierListQuerySchema, type SupplierListQuery } from "~/schemas/supplier";
import { StartAssessmentSchema } from "~/schemas/assessment";
import { listAssessments } from "~/models/assessment.server";
import { matchingSupplierIds, startCounts } from "~/models/assessment-start.server";
import { getSupplier } from "~/models/supplier.server";
import { startAssessments } from "~/services/assessments.server";
import { countryName } from "~/domain/country";
import { Field, FormError, SubmitButton, useZodForm } from "~/components/forms";
import { AssessmentStatusBadge } from "~/components/assessment-display";
import { statusLabel } from "~/components/supplier-display";
import { useOrg } from "./o.$org";
import { isDbId } from "~/schemas/fields";
import { formatNumber, plural } from "~/components/format";

export const meta: MetaFunction = () => [{ title: "Start assessments — Lantern" }];

/** At most this many assessments are started at once (one transaction; narrow the filter for more). */
const BULK_CAP = 5000;
const FILTER_KEYS = ["q", "tier", "country", "sector", "good", "status", "risk"] as const;

type Filters = Omit<SupplierListQuery, "sort" | "dir" | "page" | "size" | "cursor">;

/** The target: one supplier (?supplier=<id>) or the supplier list's filter (its own URL parameters). */
function targetOf(url: URL): { supplierId: number } | { filters: Filters } {
  const raw = url.searchParams.get("supplier");
  if (raw !== null) {
    if (!isDbId(raw)) throw notFound("No such supplier");
    return { supplierId: Number(raw) };
  }
  const parsed = parseSearchParams(SupplierListQuerySchema, url);
  if (!parsed.success)
    throw json(
      { message: "The supplier filter in this link cannot be used. Go back to the supplier list and filter again." },
      { status: 400 },
    );
  const { sort: _s, dir: _d, page: _p, size: _z, ...filters } = parsed.data;
  return { filters };
}

function describe(f: Filters): string[] {
  const out: string[] = [];
  if (f.q) out.push(`name or reference “${f.q}”`);
  if (f.tier) out.push(`tier ${f.tier}`);
  if (f.country) out.push(countryName(f.country));
  if (f.sector) out.push(`sector ${f.sector}`);
  if (f.good) out.push(`goods: ${f.good}`);
  if (f.risk) out.push(f.risk === "none" ? "no risk score yet" : `${f.risk} risk`);
  out.push(f.status === "all" ? "any status, archived included" : f.status ? statusLabel(f.status).toLowerCase() : "active and inactive");
  return out;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "assessments.manage");
  const url = new URL(request.url);
  const target = targetOf(url);
  const base = { today: todayIso(), search: url.search };
  if ("supplierId" in target) {
    const s = await getSupplier(context.db, org.id, target.supplierId);
    if (!s) throw notFound("No such supplier");
    const open =
      (await listAssessments(context.db, org.id, { supplierId: s.id, limit: 20, offset: 0 })).find((x) => x.status !== "approved") ?? null;
    return json({
      ...base,
      one: { id: s.id, name: s.name, status: s.status, open: open ? { id: open.id, status: open.status } : null },
      many: null,
    });
  }
  // `skip`: those startAssessments will skip (archived, or with an assessment still open).
  const { count, skip } = await startCounts(context.db, org.id, target.filters);
  const back = new URLSearchParams();
  for (const k of FILTER_KEYS) if (url.searchParams.get(k)) back.set(k, url.searchParams.get(k)!);
  return json({
    ...base,
    one: null,
    many: { count, skip, describe: describe(target.filters), back: back.toString() },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "assessments.manage");
  const target = targetOf(new URL(request.url));
  const parsed = StartAssessmentSchema.safeParse(await formObject(request));
  if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error) });
  const opts = { dueAt: parsed.data.dueAt, language: parsed.data.language };
  // One more than the cap, so that "too many" can be told.
  const ids =
    "supplierId" in target ? [target.supplierId] : await matchingSupplierIds(context.db, ident.org.id, target.filters, BULK_CAP + 1);
  if (ids.length > BULK_CAP) {
    return badRequest({
      formError:
        `This filter matches more than ${formatNumber(BULK_CAP)} suppliers. ` +
        "Narrow it (for example by country or tier) and start them in parts.",
    });
  }
  if (!ids.length) return badRequest({ formError: "No supplier matches this filter." });
  const r = await startAssessments(context.db, ident, ids, opts, context.clientIp);
  const base = `/o/${ident.org.slug}/assessments`;
  if ("supplierId" in target) {
    if (r.created[0]) return redirectWithToast(`${base}/${r.created[0]}`, "Assessment started. Invite the supplier or fill it in.");
    const reason = r.skipped[0]?.reason ?? "";
    if (reason === "not found") throw notFound("No such supplier");
    return json(
      {
        formError:
          reason === "archived"
            ? "This supplier is archived. Restore it before assessing it."
            : "This supplier already has an open assessment: finish or approve it first.",
      },
      { status: 409 },
    );
  }
  const open = r.skipped.filter((s) => s.reason === "already has an open assessment").length;
  const archived = r.skipped.filter((s) => s.reason === "archived").length;
  return redirectWithToast(base, startedMessage(r.created.length, open, archived));
}

/** The summary of a bulk start, shown once on the assessment list. */
function startedMessage(started: number, open: number, archived: number): string {
  const why = [open ? `${formatNumber(open)} already open` : "", archived ? `${formatNumber(archived)} archived` : ""].filter(Boolean);
  const skipped = open + archived ? `, ${formatNumber(open + archived)} skipped (${why.join(", ")})` : "";
  const what = `${formatNumber(started)} ${plural(started, "assessment", "assessments")}`;
  return `${what} started${skipped}. Open one to invite the supplier or to fill it in.`;
}

export default function StartAssessments() {
  const { today, search, one, many } = useLoaderData<typeof loader>();
  const { org } = useOrg();
  const { form, onSubmit, errorFor, formError, busy } = useZodForm(StartAssessmentSchema, {
    defaultValues: { dueAt: addDays(today, 30), language: "en" },
  });
  const suppliers = `/o/${org.slug}/suppliers`;
  const tooMany = many !== null && many.count > BULK_CAP;
  const toStart = many ? many.count - many.skip : 1;
  const blocked = tooMany || toStart <= 0 || one?.status === "archived" || Boolean(one?.open);
  return (
    <main className="page asm-new">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        {one ? (
          <Link to={`${suppliers}/${one.id}`}>{one.name}</Link>
        ) : (
          <Link to={`${suppliers}${many?.back ? `?${many.back}` : ""}`}>Suppliers</Link>
        )}
      </nav>
      <h1>{one ? `Start an assessment of ${one.name}` : "Assess these suppliers"}</h1>
      <p>
        Starts the Athens Ethical Principles questionnaire (forced labour). Afterwards you either invite the supplier's contact to answer
        it, or fill it in on the supplier's behalf.
      </p>
      {one?.open ? (
        <div className="alert note" role="status">
          {one.name} already has an open assessment (<AssessmentStatusBadge status={one.open.status} />
          ). <Link to={`/o/${org.slug}/assessments/${one.open.id}`}>Open it</Link>.
        </div>
      ) : null}
      {one?.status === "archived" ? <div className="alert error">This supplier is archived. Restore it before assessing it.</div> : null}
      {many ? (
        <div className={`alert ${tooMany || toStart <= 0 ? "error" : "note"}`} role="status">
          <p className="alert-title">
            {many.count === 0
              ? "No supplier matches this filter."
              : `The filter matches ${formatNumber(many.count)} ${plural(many.count, "supplier", "suppliers")}.`}
          </p>
          <p className="small">Filter: {many.describe.join(" · ")}</p>
          {tooMany ? (
            <p>
              At most {formatNumber(BULK_CAP)} assessments can be started at once. Narrow the filter (for example by country or tier) and
              start them in parts.
            </p>
          ) : many.skip ? (
            <p>
              {many.skip === many.count
                ? many.count === 1
                  ? "It is"
                  : "All of them are"
                : `${formatNumber(many.skip)} of them ${many.skip === 1 ? "is" : "are"}`}{" "}
              skipped (an assessment is already open, or the supplier is archived).
            </p>
          ) : null}
        </div>
      ) : null}
      <FormError message={formError} />
      {!blocked ? (
        <Form
          method="post"
          action={`/o/${org.slug}/assessments/new${search}`}
          noValidate
          onSubmit={onSubmit}
          className="card stack asm-start-form"
        >
          <Field
            label="Due date"
            type="date"
            min={today}
            required
            registration={form.register("dueAt")}
            error={errorFor("dueAt")}
            hint="The supplier is reminded 7 days and 1 day before, and when it is overdue."
          />
          <LanguageSelect
            label="Language of the questionnaire"
            hint="The supplier can switch languages; this is the one the invitation starts in."
            registration={form.register("language")}
          />
          <div className="actions">
            <SubmitButton busy={busy}>
              {one ? "Start the assessment" : `Start ${formatNumber(toStart)} ${plural(toStart, "assessment", "assessments")}`}
            </SubmitButton>
            <Link to={one ? `${suppliers}/${one.id}` : `${suppliers}${many?.back ? `?${many.back}` : ""}`} className="button link">
              Cancel
            </Link>
          </div>
        </Form>
      ) : null}
    </main>
  );
}
