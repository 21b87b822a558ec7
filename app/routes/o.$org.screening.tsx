// The screening queue: every supplier's matches against the regulators' lists, candidates first.
// Everyone who reads suppliers sees it (executives included); officers with screening.review confirm
// ("true match") or dismiss ("not the same entity") a candidate with a reason, and may screen every
// supplier again. The lists Lantern ships are partial, and the page says so above every result.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { formObject, forbidden, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/domain/permissions";
import { SCREENING_LISTS } from "~/domain/screening/lists";
import { QUEUE_PAGE_SIZE, SCREENING_STATUSES, ScreeningActionSchema, ScreeningQuerySchema } from "~/schemas/screening";
import { decideMatch, rescreenAll, screeningQueue } from "~/services/screening.server";
import { DecisionForm, ListsBanner, MatchSummary } from "~/components/screening";
import { Pager } from "~/components/pager";
import { useOrg } from "./o.$org";

export const meta: MetaFunction = () => [{ title: "Screening — Lantern" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org, role } = await requireOrg(request, context, params.org, "suppliers.view");
  const q = ScreeningQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = q.page ?? 1;
  const queue = await screeningQueue(context.db, org.id, { status: q.status, list: q.list, page, size: QUEUE_PAGE_SIZE });
  return json({ ...queue, page, pages: Math.max(1, Math.ceil(queue.total / QUEUE_PAGE_SIZE)), canDecide: can(role, "screening.review") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = await requireOrg(request, context, params.org, "suppliers.view");
  if (!can(id.role, "screening.review")) throw forbidden();
  const form = await formObject(request);
  const parsed = ScreeningActionSchema.safeParse(form);
  if (!parsed.success) return json({ fieldErrors: zodFieldErrors(parsed.error), matchId: String(form.matchId ?? "") }, { status: 400 });
  const back = `/o/${id.org.slug}/screening${new URL(request.url).search}`;
  if (parsed.data.intent === "rescreen") {
    const r = await rescreenAll(context.db, id, context.clientIp);
    if (!r.ok) return problemResponse(r);
    const { screened, added, dropped } = r.value;
    return redirectWithToast(back, `Screened ${screened} suppliers again: ${added} new candidates, ${dropped} no longer matching.`);
  }
  const { intent, matchId, version, reason } = parsed.data;
  const r = await decideMatch(context.db, id, matchId, { decision: intent, reason, version }, context.clientIp);
  if (!r.ok) return problemResponse(r, { matchId: String(matchId) });
  const message =
    r.value.status === "confirmed"
      ? "Confirmed as a true match: it is now a red flag on the supplier's score."
      : "Dismissed: not the same entity. It will not be raised again for this name.";
  return redirectWithToast(back, message);
}

const STATUS_LABELS = { candidate: "Candidates", confirmed: "Confirmed", dismissed: "Dismissed" } as const;

function Filters() {
  const [params] = useSearchParams();
  return (
    <Form method="get" className="screening-filters" aria-label="Filter matches">
      <div className="field">
        <label htmlFor="f-status">Status</label>
        <select id="f-status" name="status" defaultValue={params.get("status") ?? ""}>
          <option value="">All</option>
          {SCREENING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-list">List</label>
        <select id="f-list" name="list" defaultValue={params.get("list") ?? ""}>
          <option value="">All lists</option>
          {SCREENING_LISTS.map((l) => (
            <option key={l.key} value={l.key}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button secondary">
        Filter
      </button>
    </Form>
  );
}

export default function ScreeningQueue() {
  const { rows, counts, total, page, pages, canDecide } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { org } = useOrg();
  const errorOf = (id: number) => (result && "matchId" in result && result.matchId === String(id) ? result : undefined);
  const pageHref = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `?${next.toString()}`;
  };
  return (
    <main className="page screening-page">
      <div className="page-head">
        <h1>Screening</h1>
        {canDecide ? (
          <Form method="post" className="actions">
            <button type="submit" name="intent" value="rescreen" className="button secondary" disabled={navigation.state === "submitting"}>
              Screen all suppliers again
            </button>
          </Form>
        ) : null}
      </div>
      <p className="muted">
        Suppliers are checked against the lists below when they are created or changed and after an import. A match is a candidate until an
        officer confirms it; only a confirmed match is a red flag. {counts.candidate} to decide, {counts.confirmed} confirmed,{" "}
        {counts.dismissed} dismissed.
      </p>
      <ListsBanner />
      {result && "formError" in result && result.formError && !("matchId" in result && result.matchId) ? (
        <div className="alert error" role="alert">
          {result.formError}
        </div>
      ) : null}
      <Filters />
      {rows.length === 0 ? (
        <p className="muted">No matches{params.size ? " with these filters" : ""}.</p>
      ) : (
        <ol className="plain-list screening-list" aria-label="Matches">
          {rows.map((m) => {
            const err = errorOf(m.id);
            return (
              <li key={m.id}>
                <MatchSummary m={m} supplierHref={`/o/${org.slug}/suppliers/${m.supplierId}`} />
                {err && "formError" in err && err.formError ? (
                  <div className="alert error" role="alert">
                    {err.formError}
                  </div>
                ) : null}
                {canDecide && m.status === "candidate" ? (
                  <DecisionForm m={m} error={err && "fieldErrors" in err ? err.fieldErrors?.reason : undefined} />
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      <Pager
        prev={page > 1 ? pageHref(page - 1) : null}
        next={page < pages ? pageHref(page + 1) : null}
        label={`Page ${page} of ${pages} (${total})`}
      />
    </main>
  );
}
