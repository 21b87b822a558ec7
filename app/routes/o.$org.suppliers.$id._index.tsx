import { todayIso } from "~/domain/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { requireOrg } from "~/lib/auth.server";
import { formObject, notFound, zodFieldErrors } from "~/lib/http.server";
import { can } from "~/domain/permissions";
import { LinkSchema } from "~/schemas/supplier";
import { getSupplier, namesByIds } from "~/models/supplier.server";
import { listAssessments } from "~/models/assessment.server";
import { downstreamEdges, upstreamEdges } from "~/models/supplier-graph.server";
import { latestTipTiers } from "~/models/reference.server";
import { addLink, deleteSupplier, removeLink, setArchived } from "~/services/suppliers.server";
import { countryName } from "~/domain/country";
import { formatDate } from "~/components/format";
import { StatusBadge, TierBadge, formatMoney, formatNumber, tipLabel } from "~/components/supplier-display";
import { BuyerPaths, UpstreamTree, type ChainNode } from "~/components/supply-tree";
import { SupplierPicker } from "~/components/supplier-picker";
import { AssessmentStatusBadge, DueDate } from "~/components/assessment-display";
import { useOrg } from "./o.$org";
import { supplierRiskView } from "~/services/risk-view.server";
import { listForSupplier } from "~/models/action.server";
import { RiskPanel } from "~/components/risk-breakdown";
import { ActionsPanel } from "~/components/action-list";
import { isDbId } from "~/schemas/fields";
import { formatCoordinates, LocationMap } from "~/components/site-map";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.supplier.name ?? "Supplier"} — Lantern` }];

const UP_DEPTH = 6; // levels of the upstream tree shown
const UP_LIMIT = 1000; // links listed at most (a tier-1 factory can have a large chain behind it)
const DOWN_LIMIT = 500;

/** Ids are positive integers; anything else is simply not found. */
function supplierId(raw: string | undefined): number {
  if (!raw || !isDbId(raw)) throw notFound("No such supplier");
  return Number(raw);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org, role } = await requireOrg(request, context, params.org, "suppliers.view");
  const id = supplierId(params.id);
  const supplier = await getSupplier(context.db, org.id, id);
  if (!supplier) throw notFound("No such supplier");
  // Downstream, a path to tier 1 is (tier − 1) links long; one level more than shown upstream tells
  // how much lies beyond the tree.
  const downDepth = Math.min(Math.max(supplier.tier ?? 10, 1), 50);
  const [tip, up, down, assessments, risk, actions] = await Promise.all([
    latestTipTiers(context.db, [supplier.country]),
    upstreamEdges(context.db, org.id, id, UP_DEPTH + 1, UP_LIMIT + 1),
    downstreamEdges(context.db, org.id, id, downDepth, DOWN_LIMIT + 1),
    can(role, "assessments.view") ? listAssessments(context.db, org.id, { supplierId: id, limit: 10, offset: 0 }) : Promise.resolve(null),
    can(role, "risk.view") ? supplierRiskView(context.db, org.id, id) : Promise.resolve(null),
    can(role, "actions.view") ? listForSupplier(context.db, org.id, id) : Promise.resolve(null),
  ]);
  const upstream = up.slice(0, UP_LIMIT);
  const downstream = down.slice(0, DOWN_LIMIT);
  const ids = new Set<number>();
  for (const e of [...upstream, ...downstream]) ids.add(e.supplierId).add(e.buyerId);
  ids.delete(id);
  const names = await namesByIds(context.db, org.id, [...ids]);
  const nodes: Record<string, ChainNode> = {
    [id]: {
      id,
      name: supplier.name,
      country: supplier.country,
      countryLabel: countryName(supplier.country),
      tier: supplier.tier,
      status: supplier.status,
    },
  };
  // Names resolved on the server: its ICU and the browser's differ for a few regions.
  for (const n of names.values())
    nodes[n.id] = { id: n.id, name: n.name, country: n.country, countryLabel: countryName(n.country), tier: n.tier, status: n.status };
  const directSuppliers = upstream.filter((e) => e.buyerId === id).map((e) => e.supplierId);
  const directBuyers = downstream.filter((e) => e.supplierId === id).map((e) => e.buyerId);
  return json({
    supplier,
    tip: tip.get(supplier.country) ?? null,
    upstream,
    upTruncated: up.length > UP_LIMIT,
    downstream,
    nodes,
    directSuppliers,
    directBuyers,
    mayEdit: can(role, "suppliers.edit"),
    mayAssess: can(role, "assessments.manage"),
    assessments,
    risk,
    actions,
    mayEditActions: can(role, "actions.edit"),
    today: todayIso(),
  });
}

// The page's forms, told apart by `intent`. Links use the shared LinkSchema; removing a link also
// says which side the other supplier is on.
const PageActionSchema = z.discriminatedUnion("intent", [
  LinkSchema.extend({ intent: z.enum(["add-supplier", "add-buyer"]) }),
  LinkSchema.extend({
    intent: z.literal("remove-link"),
    side: z.enum(["supplier", "buyer"], { errorMap: () => ({ message: "Say which link to remove" }) }),
  }),
  z.object({ intent: z.enum(["archive", "restore"]) }),
  z.object({
    intent: z.literal("delete"),
    confirm: z.literal("yes", { errorMap: () => ({ message: "Tick the box to confirm that you want to delete this supplier for good" }) }),
  }),
]);
type Intent = z.infer<typeof PageActionSchema>["intent"];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "suppliers.edit");
  const id = supplierId(params.id);
  const body = await formObject(request);
  const parsed = PageActionSchema.safeParse(body);
  const intent = typeof body.intent === "string" ? body.intent : "";
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    return json(
      {
        intent,
        fieldErrors,
        formError: fieldErrors.otherId ?? fieldErrors.confirm ?? fieldErrors.side ?? "That request could not be understood.",
      },
      { status: 400 },
    );
  }
  const input = parsed.data;
  const ip = context.clientIp;
  if (input.intent === "delete") {
    // Deleting is for a supplier entered by mistake; one with its own suppliers linked would leave
    // them re-tiered as if they sold to us directly, so those links go first (or archive instead).
    if ((await upstreamEdges(context.db, ident.org.id, id, 1, 1)).length) {
      return json(
        { intent, formError: "This supplier has suppliers of its own linked. Remove those links first, or archive it instead." },
        { status: 409 },
      );
    }
    const r = await deleteSupplier(context.db, ident, id, ip);
    if ("status" in r) throw notFound("No such supplier");
    return redirect(`/o/${ident.org.slug}/suppliers`);
  }
  const result = await (() => {
    switch (input.intent) {
      case "archive":
      case "restore":
        return setArchived(context.db, ident, id, input.intent === "archive", ip);
      case "add-supplier":
        return addLink(context.db, ident, input.otherId, id, ip);
      case "add-buyer":
        return addLink(context.db, ident, id, input.otherId, ip);
      case "remove-link":
        return input.side === "supplier"
          ? removeLink(context.db, ident, input.otherId, id, ip)
          : removeLink(context.db, ident, id, input.otherId, ip);
    }
  })();
  if ("status" in result) {
    if (result.status === 404 && (input.intent === "archive" || input.intent === "restore")) throw notFound("No such supplier");
    return json({ intent, formError: result.message }, { status: result.status });
  }
  const done: Record<Exclude<Intent, "delete">, string> = {
    archive: "Archived. It no longer appears in the list unless you ask for archived suppliers.",
    restore: "Restored: the supplier is active again.",
    "add-supplier": "Link added.",
    "add-buyer": "Link added.",
    "remove-link": "Link removed.",
  };
  const tiers =
    "changedTiers" in result && result.changedTiers
      ? ` ${result.changedTiers} ${result.changedTiers === 1 ? "supplier" : "suppliers"} changed tier.`
      : "";
  return json({ intent, ok: true, message: done[input.intent] + tiers });
}

type ActionData = { intent: string; ok?: boolean; message?: string; formError?: string; fieldErrors?: Record<string, string> };

function ResultAlert({ result, intents }: { result: ActionData | undefined; intents: string[] }) {
  if (!result || !intents.includes(result.intent)) return null;
  if (result.ok) {
    return (
      <div className="alert success" role="status">
        {result.message}
      </div>
    );
  }
  return (
    <div className="alert error" role="alert">
      {result.formError}
    </div>
  );
}

export default function SupplierPage() {
  const {
    supplier: s,
    tip,
    upstream,
    upTruncated,
    downstream,
    nodes,
    directSuppliers,
    directBuyers,
    mayEdit,
    mayAssess,
    assessments,
    risk,
    actions,
    mayEditActions,
    today,
  } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { org } = useOrg();
  const list = `/o/${org.slug}/suppliers`;
  const href = (id: number) => `${list}/${id}`;

  const removeButton = (otherId: number, side: "supplier" | "buyer") => {
    if (!mayEdit) return null;
    const other = nodes[otherId]?.name ?? "this supplier";
    const text = side === "supplier" ? `${other} supplies ${s.name}` : `${s.name} supplies ${other}`;
    return (
      <Form method="post" preventScrollReset className="inline">
        <input type="hidden" name="intent" value="remove-link" />
        <input type="hidden" name="otherId" value={otherId} />
        <input type="hidden" name="side" value={side} />
        <button type="submit" className="button small danger" aria-label={`Remove link: ${text}`} disabled={busy}>
          Remove link
        </button>
      </Form>
    );
  };

  return (
    <main className="page supplier-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={list}>Suppliers</Link>
      </nav>
      <div className="page-head">
        <div>
          <h1>{s.name}</h1>
          <p className="badges">
            <TierBadge tier={s.tier} /> <StatusBadge status={s.status} />
            {s.tier === 1 ? <span className="muted small"> Sells directly to {org.name}</span> : null}
          </p>
        </div>
        {mayEdit || (mayAssess && s.status !== "archived") ? (
          <div className="actions">
            {mayEdit ? (
              <Link to={`${list}/${s.id}/edit`} className="button">
                Edit
              </Link>
            ) : null}
            {mayAssess && s.status !== "archived" ? (
              <Link to={`/o/${org.slug}/assessments/new?supplier=${s.id}`} className="button secondary">
                Start assessment
              </Link>
            ) : null}
            {mayEdit ? (
              <Form method="post" preventScrollReset>
                <input type="hidden" name="intent" value={s.status === "archived" ? "restore" : "archive"} />
                <button type="submit" className="button secondary" disabled={busy}>
                  {s.status === "archived" ? "Restore" : "Archive"}
                </button>
              </Form>
            ) : null}
          </div>
        ) : null}
      </div>
      <ResultAlert result={result} intents={["archive", "restore", "remove-link"]} />

      {risk ? <RiskPanel risk={risk} orgSlug={org.slug} /> : null}
      {actions ? <ActionsPanel rows={actions} orgSlug={org.slug} canEdit={mayEditActions} supplierId={s.id} /> : null}

      <section className="card" aria-labelledby="details-h">
        <h2 id="details-h">Details</h2>
        <dl className="details">
          <Item label="Reference">{s.externalRef}</Item>
          <Item label="Country">
            {nodes[s.id]?.countryLabel ?? s.country} <span className="muted">({s.country})</span>
            <br />
            <span className="small">US TIP report: {tipLabel(tip)}</span>
          </Item>
          <Item label="City">{s.city}</Item>
          <Item label="Address">{s.address}</Item>
          <Item label="Coordinates">{s.latitude == null || s.longitude == null ? null : formatCoordinates(s.latitude, s.longitude)}</Item>
          <Item label="Sector">{s.sector}</Item>
          <Item label="Goods">
            {s.goods.length ? (
              <ul className="chips">
                {s.goods.map((g) => (
                  <li key={g} className="chip">
                    {g}
                  </li>
                ))}
              </ul>
            ) : null}
          </Item>
          <Item label="Annual spend">{s.annualSpend == null ? null : formatMoney(s.annualSpend, s.currency)}</Item>
          <Item label="Workers">{s.workersCount == null ? null : formatNumber(s.workersCount)}</Item>
          <Item label="Contact">
            {s.contactName || s.contactEmail ? (
              <>
                {s.contactName}
                {s.contactName && s.contactEmail ? <br /> : null}
                {s.contactEmail ? <a href={`mailto:${s.contactEmail}`}>{s.contactEmail}</a> : null}
              </>
            ) : null}
          </Item>
          <Item label="Open Supply Hub OS ID">{s.osId}</Item>
          <Item label="DUNS number">{s.duns}</Item>
          <Item label="LEI">{s.lei}</Item>
          <Item label="Tax ID">{s.taxId}</Item>
          <Item label="Last changed">{formatDate(s.updatedAt)}</Item>
        </dl>
        {s.notes ? (
          <>
            <h3 className="h3">Notes</h3>
            <p className="notes">{s.notes}</p>
          </>
        ) : null}
      </section>

      <LocationMap
        name={s.name}
        latitude={s.latitude}
        longitude={s.longitude}
        band={risk?.score?.band ?? null}
        score={risk?.score?.value ?? null}
        editHref={mayEdit ? `${list}/${s.id}/edit` : undefined}
      />

      {assessments ? (
        <section className="card" aria-labelledby="assessments-h">
          <h2 id="assessments-h">Assessments</h2>
          {assessments.length ? (
            <ul className="asm-mini-list">
              {assessments.map((x) => (
                <li key={x.id}>
                  <Link to={`/o/${org.slug}/assessments/${x.id}`}>Athens questionnaire, last change {formatDate(x.updatedAt)}</Link>{" "}
                  <AssessmentStatusBadge status={x.status} />
                  {x.dueAt ? (
                    <span className="small muted">
                      {" "}
                      due <DueDate dueAt={x.dueAt} status={x.status} today={today} />
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Not assessed yet.</p>
          )}
          {assessments.length >= 10 ? (
            <p className="small">
              <Link to={`/o/${org.slug}/assessments?supplier=${s.id}`}>All assessments of {s.name}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <div className="chain">
        <section className="card" aria-labelledby="down-h">
          <h2 id="down-h">Supplies to</h2>
          <BuyerPaths
            rootId={s.id}
            edges={downstream}
            nodes={nodes}
            href={href}
            orgName={org.name}
            directActions={(b) => removeButton(b, "buyer")}
          />
          {mayEdit ? (
            <LinkForm
              key={`b${directBuyers.length}`}
              intent="add-buyer"
              title={`${s.name} supplies …`}
              button="Add buyer"
              pickerLabel="Find the buyer it supplies"
              orgSlug={org.slug}
              exclude={[s.id, ...directBuyers]}
              result={result}
              busy={busy}
            />
          ) : null}
        </section>

        <section className="card" aria-labelledby="up-h">
          <h2 id="up-h">Its suppliers</h2>
          <UpstreamTree
            rootId={s.id}
            edges={upstream}
            nodes={nodes}
            href={href}
            maxDepth={UP_DEPTH}
            truncated={upTruncated}
            directActions={(c) => removeButton(c, "supplier")}
          />
          {mayEdit ? (
            <LinkForm
              key={`s${directSuppliers.length}`}
              intent="add-supplier"
              title={`Add a supplier of ${s.name}`}
              button="Add supplier"
              pickerLabel="Find the supplier"
              orgSlug={org.slug}
              exclude={[s.id, ...directSuppliers]}
              result={result}
              busy={busy}
            />
          ) : null}
        </section>
      </div>

      {mayEdit ? (
        <section className="card danger-zone" aria-labelledby="delete-h">
          <h2 id="delete-h">Delete</h2>
          <ResultAlert result={result} intents={["delete"]} />
          {directSuppliers.length ? (
            <p className="muted">
              Deleting is for a supplier entered by mistake. It is not offered while suppliers of {s.name} are linked: remove those links
              first, or archive it — archiving keeps its history.
            </p>
          ) : (
            <details open={result?.intent === "delete"}>
              <summary>Delete this supplier…</summary>
              <Form method="post" className="stack delete-form" preventScrollReset>
                <p>
                  Deleting removes {s.name} and its links for good. It is meant for a supplier entered by mistake; to stop working with a
                  supplier, archive it instead.
                </p>
                <input type="hidden" name="intent" value="delete" />
                <label className="checkbox">
                  <input type="checkbox" name="confirm" value="yes" required />I understand that {s.name} will be deleted and this cannot be
                  undone.
                </label>
                <div>
                  <button type="submit" className="button danger" disabled={busy}>
                    Delete supplier
                  </button>
                </div>
              </Form>
            </details>
          )}
        </section>
      ) : null}
    </main>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  const empty = children == null || children === "" || children === false;
  return (
    <div className="details-item">
      <dt>{label}</dt>
      <dd>{empty ? <span className="muted">—</span> : children}</dd>
    </div>
  );
}

interface LinkFormProps {
  intent: "add-supplier" | "add-buyer";
  title: string;
  button: string;
  pickerLabel: string;
  orgSlug: string;
  exclude: number[];
  result: ActionData | undefined;
  busy: boolean;
}

function LinkForm({ intent, title, button, pickerLabel, orgSlug, exclude, result, busy }: LinkFormProps) {
  const mine = result?.intent === intent ? result : undefined;
  return (
    <Form method="post" preventScrollReset className="link-form" aria-label={title}>
      <h3 className="h3">{title}</h3>
      <input type="hidden" name="intent" value={intent} />
      <ResultAlert result={mine} intents={[intent]} />
      <SupplierPicker orgSlug={orgSlug} label={pickerLabel} exclude={exclude} />
      <button type="submit" className="button secondary" disabled={busy}>
        {button}
      </button>
    </Form>
  );
}
