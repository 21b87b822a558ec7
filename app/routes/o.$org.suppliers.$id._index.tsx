import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireOrg, type OrgIdentity } from "~/lib/auth.server";
import { formObject, notFound, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { LinkSchema } from "~/schemas/supplier";
import { isDbId } from "~/schemas/fields";
import { addLink, deleteSupplier, removeLink, setArchived } from "~/services/suppliers.server";
import { supplierPage } from "~/services/supplier-page.server";
import { BuyerPaths, UpstreamTree } from "~/components/supply-tree";
import { RiskPanel } from "~/components/risk-breakdown";
import { ActionsPanel } from "~/components/action-list";
import { LocationMap } from "~/components/site-map";
import { SiteAuditsPanel } from "~/components/site-audit-list";
import { SupplierAssessments, SupplierDetails, SupplierHeading } from "~/components/supplier-details";
import { DeleteSupplier, LinkForm, RemoveLinkButton, ResultAlert } from "~/components/supplier-links";
import { can } from "~/domain/permissions";
import { supplierGrievanceFlags } from "~/services/voice-pages.server";
import { VoicePanel } from "~/components/voice/supplier-voice-panel";
import { supplierScreening } from "~/services/screening.server";
import { SupplierScreeningPanel } from "~/components/screening";
import { useOrg } from "./o.$org";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.supplier.name ?? "Supplier"} — Lantern` }];

/** Ids are positive integers; anything else is simply not found. */
function supplierId(raw: string | undefined): number {
  if (!raw || !isDbId(raw)) throw notFound("No such supplier");
  return Number(raw);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "suppliers.view");
  const { org, role } = ident;
  const page = await supplierPage(context.db, org.id, role, supplierId(params.id));
  if (!page.ok) throw notFound(page.message);
  // Worker voice: only those who handle cases see anything of them here.
  const voice = can(role, "grievances.handle") ? await supplierGrievanceFlags(context.db, ident, page.value.supplier.id) : null;
  const screening = await supplierScreening(context.db, org.id, page.value.supplier.id);
  return json({ ...page.value, voice, screening });
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
type PageAction = z.infer<typeof PageActionSchema>;

const DONE: Record<PageAction["intent"], string> = {
  archive: "Archived. It no longer appears in the list unless you ask for archived suppliers.",
  restore: "Restored: the supplier is active again.",
  "add-supplier": "Link added.",
  "add-buyer": "Link added.",
  "remove-link": "Link removed.",
  delete: "Supplier deleted.",
};

/** The service call behind each intent. */
function perform(context: ActionFunctionArgs["context"], ident: OrgIdentity, id: number, input: PageAction) {
  const [db, ip] = [context.db, context.clientIp];
  switch (input.intent) {
    case "archive":
    case "restore":
      return setArchived(db, ident, id, input.intent === "archive", ip);
    case "delete":
      return deleteSupplier(db, ident, id, ip);
    case "add-supplier":
      return addLink(db, ident, input.otherId, id, ip);
    case "add-buyer":
      return addLink(db, ident, id, input.otherId, ip);
    case "remove-link":
      return input.side === "supplier" ? removeLink(db, ident, input.otherId, id, ip) : removeLink(db, ident, id, input.otherId, ip);
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "suppliers.edit");
  const id = supplierId(params.id);
  const body = await formObject(request);
  const parsed = PageActionSchema.safeParse(body);
  const intent = typeof body.intent === "string" ? body.intent : "";
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    const formError = fieldErrors.otherId ?? fieldErrors.confirm ?? fieldErrors.side ?? "That request could not be understood.";
    return json({ intent, fieldErrors, formError }, { status: 400 });
  }
  const input = parsed.data;
  const result = await perform(context, ident, id, input);
  if (!result.ok) {
    if (result.kind === "not_found" && ["archive", "restore", "delete"].includes(input.intent)) throw notFound("No such supplier");
    return problemResponse(result, { intent });
  }
  const list = `/o/${ident.org.slug}/suppliers`;
  if (input.intent === "delete") return redirectWithToast(list, DONE.delete);
  const changed = result.value?.changedTiers;
  const tiers = changed ? ` ${changed} ${changed === 1 ? "supplier" : "suppliers"} changed tier.` : "";
  return redirectWithToast(`${list}/${id}`, DONE[input.intent] + tiers);
}

export default function SupplierPage() {
  const {
    supplier: s,
    tip,
    upstream,
    upDepth,
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
    audits,
    today,
    voice,
    screening,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { org, can: mayDo } = useOrg();
  const list = `/o/${org.slug}/suppliers`;
  const href = (id: number) => `${list}/${id}`;

  const removeButton = (otherId: number, side: "supplier" | "buyer") =>
    mayEdit ? (
      <RemoveLinkButton name={s.name} otherId={otherId} otherName={nodes[otherId]?.name ?? "this supplier"} side={side} busy={busy} />
    ) : null;

  return (
    <main className="page supplier-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={list}>Suppliers</Link>
      </nav>
      <SupplierHeading supplier={s} orgName={org.name} orgSlug={org.slug} mayEdit={mayEdit} mayAssess={mayAssess} busy={busy} />
      <ResultAlert result={result} intents={["archive", "restore", "remove-link"]} />
      {voice && mayDo("grievances.handle") ? <VoicePanel voice={voice} href={`${list}/${s.id}/voice`} base={`/o/${org.slug}`} /> : null}

      {risk ? <RiskPanel risk={risk} orgSlug={org.slug} supplierId={s.id} canEdit={mayEdit} /> : null}
      {actions ? <ActionsPanel rows={actions} orgSlug={org.slug} canEdit={mayEditActions} supplierId={s.id} /> : null}
      <SiteAuditsPanel rows={audits} base={`${list}/${s.id}`} canEdit={mayEdit} />
      <SupplierScreeningPanel rows={screening} queueHref={`/o/${org.slug}/screening`} />

      <SupplierDetails supplier={s} countryLabel={nodes[s.id]?.countryLabel ?? s.country} tip={tip} />

      <LocationMap
        name={s.name}
        latitude={s.latitude}
        longitude={s.longitude}
        band={risk?.score?.band ?? null}
        score={risk?.score?.value ?? null}
        editHref={mayEdit ? `${list}/${s.id}/edit` : undefined}
      />

      {assessments ? <SupplierAssessments supplier={s} assessments={assessments} orgSlug={org.slug} today={today} /> : null}

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
              result={result?.intent === "add-buyer" ? result : undefined}
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
            maxDepth={upDepth}
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
              result={result?.intent === "add-supplier" ? result : undefined}
              busy={busy}
            />
          ) : null}
        </section>
      </div>

      {mayEdit ? <DeleteSupplier name={s.name} hasSuppliers={directSuppliers.length > 0} result={result} busy={busy} /> : null}
    </main>
  );
}
