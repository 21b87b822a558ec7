// Review settings: an admin turns four eyes on or off (audited). With four eyes, whoever filled in
// answers on the supplier's behalf cannot approve them, and an approval that lowers a supplier by two
// bands or more needs a second, different approver.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { formObject, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { ReviewSettingsSchema } from "~/schemas/review-settings";
import { reviewSettings, saveReviewSettings } from "~/services/review-settings.server";

export const meta: MetaFunction = () => [{ title: "Review settings — Lantern" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "review.settings");
  return json(await reviewSettings(context.db, org.id));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "review.settings");
  const parsed = ReviewSettingsSchema.safeParse(await formObject(request));
  if (!parsed.success) return json({ fieldErrors: zodFieldErrors(parsed.error) }, { status: 400 });
  const r = await saveReviewSettings(context.db, ident, parsed.data, context.clientIp);
  if (!r.ok) return problemResponse(r);
  const state = parsed.data.fourEyes ? "on" : "off";
  return redirectWithToast(
    `/o/${ident.org.slug}/settings/review`,
    r.value.changed ? `Four eyes is now ${state}.` : `Nothing changed: four eyes was already ${state}.`,
  );
}

export default function ReviewSettingsPage() {
  const { fourEyes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <main className="page">
      <h1>Review settings</h1>
      {result && "fieldErrors" in result ? (
        <div className="alert error" role="alert">
          That request could not be understood.
        </div>
      ) : null}
      <section className="card" aria-labelledby="four-eyes-h">
        <h2 id="four-eyes-h">Four eyes</h2>
        <p>
          With four eyes, whoever filled in a questionnaire on the supplier&apos;s behalf cannot approve it, and an approval that lowers a
          supplier by two bands or more needs a second, different approver. Every change of this setting is in the audit log.
        </p>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="save" />
          <div className="field">
            <label className="checkbox">
              <input type="checkbox" name="fourEyes" defaultChecked={fourEyes} /> Require four eyes on approvals
            </label>
          </div>
          <button type="submit" className="button" disabled={busy}>
            Save review settings
          </button>
        </Form>
      </section>
    </main>
  );
}
