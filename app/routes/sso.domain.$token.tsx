// The link mailed to a role mailbox of a domain (postmaster@, admin@ …): whoever reads it confirms that
// the organisation may sign in that domain's addresses through single sign-on.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DomainMailTokenSchema } from "~/schemas/sso";
import { STATUS_OF } from "~/lib/http.server";
import { confirmDomainProof, describeDomainProof } from "~/services/sso-settings.server";

export const meta: MetaFunction = () => [{ title: "Confirm a domain — Lantern" }];
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer" });

const GONE = "This link has expired or was used already. Ask your Lantern admin to send a new one.";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = DomainMailTokenSchema.safeParse(params.token);
  const d = token.success ? await describeDomainProof(context.db, token.data) : null;
  if (!d) return json({ proof: null, message: GONE }, { status: 410 });
  return json({ proof: d, message: null });
}

export async function action({ params, context }: ActionFunctionArgs) {
  const token = DomainMailTokenSchema.safeParse(params.token);
  if (!token.success) return json({ formError: GONE }, { status: 410 });
  const r = await confirmDomainProof(context.db, token.data);
  if (!r.ok) return json({ formError: r.message }, { status: STATUS_OF[r.kind] });
  return json({ confirmed: r.value });
}

export default function ConfirmDomain() {
  const { proof, message } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  if (done && "confirmed" in done) {
    return (
      <main className="page narrow">
        <h1>Domain confirmed</h1>
        <div className="alert success" role="status">
          {done.confirmed.orgName} may now sign in addresses at {done.confirmed.domain} through single sign-on.
        </div>
      </main>
    );
  }
  return (
    <main className="page narrow">
      <h1>Confirm a domain for single sign-on</h1>
      {done && "formError" in done ? (
        <div className="alert error" role="alert">
          {done.formError}
        </div>
      ) : null}
      {proof ? (
        <>
          <p>
            The organisation <strong>{proof.orgName}</strong> asks to sign in everyone at <strong>{proof.domain}</strong> through its
            identity provider. Confirm only if you run this domain&apos;s mail and agree.
          </p>
          <Form method="post">
            <button type="submit" className="button">
              Confirm {proof.domain}
            </button>
          </Form>
        </>
      ) : (
        <div className="alert error" role="alert">
          {message}
        </div>
      )}
    </main>
  );
}
