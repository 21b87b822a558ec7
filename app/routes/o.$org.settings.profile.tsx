// The organisation profile: facts about the organisation that yearly statements need and no supplier
// record holds. Everyone in the organisation reads it; admins and compliance officers edit it
// (profile.edit). A save from an older copy answers 409 and shows the person's own text back in the
// form, with the stored version beside it; nothing typed is lost.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { formObject, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/domain/permissions";
import type { OrgProfile } from "~/domain/org-profile";
import { countryName } from "~/domain/country";
import {
  applyRowIntent,
  draftValues,
  nestProfileForm,
  profileFormValues,
  profileOf,
  ProfileFormSchema,
  rowIntent,
  type ProfileFormValues,
} from "~/schemas/org-profile-form";
import { profileView, saveProfile } from "~/services/org-profile.server";
import { OrgProfileForm } from "~/components/org-profile-form";
import { OrgProfileSummary } from "~/components/org-profile-summary";
import { formatDateTime } from "~/components/format";

export const meta: MetaFunction = () => [{ title: "Organisation profile — Lantern" }];

/** The names of the countries a profile mentions, resolved here on the server (see OrgProfileSummary). */
function countryNamesOf(p: OrgProfile | null): Record<string, string> {
  const codes = [p?.headquartersCountry, ...(p?.entities ?? []).map((e) => e.country)].filter((c): c is string => !!c);
  return Object.fromEntries(codes.map((c) => [c, countryName(c)]));
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org, role } = await requireOrg(request, context, params.org);
  const view = await profileView(context.db, org);
  return json({ ...view, countryNames: countryNamesOf(view.profile), canEdit: can(role, "profile.edit") });
}

type ActionData = {
  fieldErrors?: Record<string, string>;
  formError?: string;
  /** What was posted, shown back in the form (after a refusal or a row button). */
  draft?: ProfileFormValues;
  /** Someone saved first: their version. */
  conflict?: { profile: OrgProfile | null; countryNames: Record<string, string>; version: number; updatedAt: string | null };
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = await requireOrg(request, context, params.org, "profile.edit");
  const flat = await formObject(request);
  const nested = nestProfileForm(flat);
  const draft = draftValues(nested, id.org.name);
  const row = rowIntent(flat.intent);
  if (row) return json<ActionData>({ draft: applyRowIntent(draft, row) });
  const parsed = ProfileFormSchema.safeParse(nested);
  if (!parsed.success) return json<ActionData>({ fieldErrors: zodFieldErrors(parsed.error), draft }, { status: 400 });
  const r = await saveProfile(context.db, id, profileOf(parsed.data), parsed.data.version, context.clientIp);
  if (!r.ok) {
    const current = r.detail?.current ?? null;
    // The next save is made knowingly over their version: the form keeps this person's text at it.
    const profile = current?.profile ?? null;
    const conflict = {
      profile,
      countryNames: countryNamesOf(profile),
      version: current?.version ?? 0,
      updatedAt: current?.updatedAt ?? null,
    };
    return json<ActionData>({ formError: r.message, draft: { ...draft, version: String(conflict.version) }, conflict }, { status: 409 });
  }
  return redirectWithToast(`/o/${id.org.slug}/settings/profile`, "Organisation profile saved.");
}

export default function OrgProfilePage() {
  const { profile, countryNames, version, updatedAt, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const draft = result && "draft" in result ? result.draft : undefined;
  const conflict = result && "conflict" in result ? result.conflict : undefined;
  const defaults = draft ?? profileFormValues(profile, version);
  // A new answer (a row added without JavaScript, a refusal) starts the form again from what it holds.
  const formKey = draft ? JSON.stringify(draft) : `v${version}`;
  return (
    <main className="page profile-page">
      <h1>Organisation profile</h1>
      <p className="muted">
        What a modern-slavery statement says about the organisation itself: its structure, sectors and size, its policies, the training it
        gave and the entities a statement covers. {updatedAt ? `Last saved ${formatDateTime(updatedAt)}.` : "Not saved yet."}
      </p>
      {canEdit ? (
        <OrgProfileForm
          key={formKey}
          defaults={defaults}
          server={result}
          notice={
            conflict ? (
              <div className="alert error stale" role="alert">
                <p className="alert-title">
                  Someone else saved the profile while you were editing. Your text is still in the form below and was not saved; their
                  version is shown here. Saving now replaces theirs with yours.
                </p>
                {conflict.profile ? (
                  <details>
                    <summary>Their saved version</summary>
                    <OrgProfileSummary profile={conflict.profile} countryNames={conflict.countryNames} />
                  </details>
                ) : null}
              </div>
            ) : null
          }
        />
      ) : (
        <OrgProfileSummary profile={profile} countryNames={countryNames} />
      )}
    </main>
  );
}
