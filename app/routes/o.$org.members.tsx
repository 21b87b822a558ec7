import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CopyOnceLink } from "~/components/copy-once-link";
import { requireOrg } from "~/lib/auth.server";
import { badRequest, formObject, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { InviteMemberSchema, MembersActionSchema } from "~/schemas/members";
import { listMembers } from "~/models/org.server";
import { listOpenTeamInvites } from "~/models/tokens.server";
import { can, ROLES, ROLE_LABELS } from "~/domain/permissions";
import { changeRole, inviteMember, removeMember, resendInvite, revokeInvite } from "~/services/members.server";
import { Field, FormError, SubmitButton, useZodForm } from "~/components/forms";
import { formatDate } from "~/components/format";

export const meta: MetaFunction = () => [{ title: "Team — Lantern" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = await requireOrg(request, context, params.org, "members.view");
  const manage = can(id.role, "members.manage");
  const [members, invites] = await Promise.all([
    listMembers(context.db, id.org.id),
    manage ? listOpenTeamInvites(context.db, id.org.id) : Promise.resolve([]),
  ]);
  return json({ me: id.user.userId, manage, members, invites, now: new Date().toISOString() });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = await requireOrg(request, context, params.org, "members.manage");
  const parsed = MembersActionSchema.safeParse(await formObject(request));
  if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error) });
  const ip = context.clientIp;
  const input = parsed.data;
  const result =
    input.intent === "invite"
      ? await inviteMember(context.db, id, input.email, input.role, ip)
      : input.intent === "change-role"
        ? await changeRole(context.db, id, input.userId, input.role, ip)
        : input.intent === "remove"
          ? await removeMember(context.db, id, input.userId, ip)
          : input.intent === "revoke-invite"
            ? await revokeInvite(context.db, id, input.inviteId, ip)
            : await resendInvite(context.db, id, input.inviteId, ip);
  if (!result.ok) return problemResponse(result);
  const done: Record<typeof input.intent, string> = {
    invite: "Invitation sent.",
    "change-role": "Role changed.",
    remove: "Member removed.",
    "revoke-invite": "Invitation withdrawn.",
    "resend-invite": "A new invitation was sent; the old link no longer works.",
  };
  // Without SMTP the invitation could not be mailed: its link is shown this once, for the admin to pass on.
  // It stays in this answer: a link never goes into a cookie, so this is not a toast.
  const copyLink = result.value?.copyLink;
  if (copyLink) {
    return json({
      message:
        "No mail server is configured, so the invitation was not mailed. Copy its link below and pass it on: it is shown only this once.",
      copyLink,
    });
  }
  return redirectWithToast(`/o/${id.org.slug}/members`, done[input.intent]);
}

export default function Members() {
  const { me, manage, members, invites, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const copied = result && "copyLink" in result ? result : null;
  const formError = result && "formError" in result && typeof result.formError === "string" ? result.formError : undefined;
  return (
    <main className="page">
      <h1>Team</h1>
      {copied ? (
        <>
          <div className="alert success" role="status">
            {copied.message}
          </div>
          <CopyOnceLink link={copied.copyLink} label="Invitation link" />
        </>
      ) : null}
      <FormError message={formError} />
      <table className="table">
        <caption className="sr-only">Members</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            {manage ? <th scope="col">Manage</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId}>
              <td>
                {m.name}
                {m.userId === me ? <span className="muted"> (you)</span> : null}
              </td>
              <td>{m.email}</td>
              <td>
                {manage ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="change-role" />
                    <input type="hidden" name="userId" value={m.userId} />
                    <label className="sr-only" htmlFor={`role-${m.userId}`}>
                      Role of {m.name}
                    </label>
                    <select id={`role-${m.userId}`} name="role" defaultValue={m.role}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="button small secondary">
                      Save role
                    </button>
                  </Form>
                ) : (
                  ROLE_LABELS[m.role]
                )}
              </td>
              {manage ? (
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="userId" value={m.userId} />
                    <button type="submit" className="button small danger" aria-label={`Remove ${m.name}`}>
                      Remove
                    </button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {manage ? <InviteForm /> : null}
      {manage && invites.length ? (
        <section aria-labelledby="inv-h" className="card">
          <h2 id="inv-h">Pending invitations</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Expires</th>
                <th scope="col">Manage</th>
              </tr>
            </thead>
            <tbody>
              {invites.map((i) => (
                <tr key={i.id}>
                  <td>{i.email}</td>
                  <td>{ROLE_LABELS[i.role]}</td>
                  <td>{i.expires_at < now ? "Expired" : formatDate(i.expires_at)}</td>
                  <td className="row-actions">
                    <Form method="post">
                      <input type="hidden" name="intent" value="resend-invite" />
                      <input type="hidden" name="inviteId" value={i.id} />
                      <button type="submit" className="button small secondary">
                        Resend
                      </button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke-invite" />
                      <input type="hidden" name="inviteId" value={i.id} />
                      <button type="submit" className="button small danger">
                        Withdraw
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </main>
  );
}

function InviteForm() {
  const { form, onSubmit, errorFor, busy } = useZodForm<typeof InviteMemberSchema, typeof action>(InviteMemberSchema, {
    defaultValues: { intent: "invite", role: "compliance" },
  });
  return (
    <section aria-labelledby="invite-h" className="card">
      <h2 id="invite-h">Invite a teammate</h2>
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <input type="hidden" {...form.register("intent")} />
        <Field label="Email" type="email" registration={form.register("email")} error={errorFor("email")} />
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" {...form.register("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton busy={busy}>Send invitation</SubmitButton>
      </Form>
    </section>
  );
}
