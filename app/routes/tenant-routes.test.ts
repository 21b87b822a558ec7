// Route loaders/actions against a real database: the tenant guard, roles, and team management.
import { expect, it } from "vitest";
import { contextFor, cookieFor, describeEachEngine, get, makeOrg, post, responseOf, toastOf } from "~/test/support";
import * as orgLayout from "./o.$org";
import * as overview from "./o.$org._index";
import * as members from "./o.$org.members";
import * as audit from "./o.$org.audit";
import * as outbox from "./o.$org.outbox";
import * as join from "./join.$token";
import * as confirm from "./signup_.confirm.$token";
import type { Db } from "~db/client";

describeEachEngine("tenant routes", (h) => {
  let acme: Awaited<ReturnType<typeof makeOrg>>;
  let boreal: Awaited<ReturnType<typeof makeOrg>>;
  const cookies: Record<string, string> = {};
  const ctx = () => contextFor(h());

  async function setup(db: Db) {
    if (acme) return;
    acme = await makeOrg(db, "acme", [
      ["admin@a.test", "admin"],
      ["officer@a.test", "compliance"],
      ["exec@a.test", "executive"],
    ]);
    boreal = await makeOrg(db, "boreal", [["admin@b.test", "admin"]]);
    for (const [email, id] of Object.entries({ ...acme.users, ...boreal.users })) cookies[email] = await cookieFor(db, id);
  }

  const pages = [
    ["/o/acme", orgLayout.loader],
    ["/o/acme", overview.loader],
    ["/o/acme/members", members.loader],
    ["/o/acme/audit", audit.loader],
    ["/o/acme/outbox", outbox.loader],
  ] as const;

  it("redirects an anonymous visitor to the login page", async () => {
    await setup(h());
    for (const [path, loader] of pages) {
      const r = await responseOf(() => loader({ request: get(path), params: { org: "acme" }, context: ctx() }));
      expect(r.status, path).toBe(302);
      expect(r.headers.get("Location"), path).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
  });

  it("answers 404 to another tenant's user, for every page and for the actions", async () => {
    await setup(h());
    for (const [path, loader] of pages) {
      const r = await responseOf(() => loader({ request: get(path, cookies["admin@b.test"]), params: { org: "acme" }, context: ctx() }));
      expect(r.status, path).toBe(404);
      expect(await r.text()).not.toContain("ACME");
    }
    const r = await responseOf(() =>
      members.action({
        request: post("/o/acme/members", { intent: "invite", email: "x@evil.test", role: "admin" }, cookies["admin@b.test"]),
        params: { org: "acme" },
        context: ctx(),
      }),
    );
    expect(r.status).toBe(404);
    const invites = await h().db.selectFrom("team_invites").select("id").where("email", "=", "x@evil.test").execute();
    expect(invites).toHaveLength(0);
  });

  it("answers 404 for an unknown organization", async () => {
    await setup(h());
    const r = await responseOf(() =>
      overview.loader({ request: get("/o/nope", cookies["admin@a.test"]), params: { org: "nope" }, context: ctx() }),
    );
    expect(r.status).toBe(404);
  });

  it("answers 403 to roles without the permission", async () => {
    await setup(h());
    for (const email of ["officer@a.test", "exec@a.test"]) {
      for (const loader of [audit.loader, outbox.loader]) {
        const r = await responseOf(() =>
          loader({ request: get("/o/acme/audit", cookies[email]), params: { org: "acme" }, context: ctx() }),
        );
        expect(r.status, email).toBe(403);
      }
      const r = await responseOf(() =>
        members.action({
          request: post("/o/acme/members", { intent: "invite", email: "y@a.test", role: "admin" }, cookies[email]),
          params: { org: "acme" },
          context: ctx(),
        }),
      );
      expect(r.status, email).toBe(403);
    }
    // executives and officers may read the team page
    const ok = await responseOf(() =>
      members.loader({ request: get("/o/acme/members", cookies["exec@a.test"]), params: { org: "acme" }, context: ctx() }),
    );
    expect(ok.status).toBe(200);
    expect((await ok.json()).manage).toBe(false);
  });

  it("scopes every action to the URL's tenant: another tenant's member id is not found", async () => {
    await setup(h());
    const r = await responseOf(() =>
      members.action({
        request: post("/o/acme/members", { intent: "remove", userId: String(boreal.users["admin@b.test"]) }, cookies["admin@a.test"]),
        params: { org: "acme" },
        context: ctx(),
      }),
    );
    expect(r.status).toBe(404);
    const still = await h()
      .db.selectFrom("memberships")
      .select("role")
      .where("user_id", "=", boreal.users["admin@b.test"]!)
      .executeTakeFirst();
    expect(still?.role).toBe("admin");
  });

  it("validates input with field messages and a 400", async () => {
    await setup(h());
    const r = await responseOf(() =>
      members.action({
        request: post("/o/acme/members", { intent: "invite", email: "not-an-email", role: "owner" }, cookies["admin@a.test"]),
        params: { org: "acme" },
        context: ctx(),
      }),
    );
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.fieldErrors.email).toMatch(/valid email/);
    expect(body.fieldErrors.role).toMatch(/role/i);
    const weird = await responseOf(() =>
      members.action({
        request: post("/o/acme/members", { intent: "drop-table" }, cookies["admin@a.test"]),
        params: { org: "acme" },
        context: ctx(),
      }),
    );
    expect(weird.status).toBe(400);
  });

  it(
    "invites a teammate: without SMTP the admin copies the link once (never from the outbox); " +
      "a new account joins only after confirming the address by mail; roles change; the last admin stays",
    async () => {
      await setup(h());
      const admin = cookies["admin@a.test"];
      const inv = await responseOf(() =>
        members.action({
          request: post("/o/acme/members", { intent: "invite", email: "New.Person@A.test", role: "compliance" }, admin),
          params: { org: "acme" },
          context: ctx(),
        }),
      );
      expect(inv.status).toBe(200);
      const shown = (await inv.json()) as { copyLink?: string };
      const token = /\/join\/([A-Za-z0-9_-]{43})$/.exec(shown.copyLink ?? "")?.[1];
      expect(token).toBeDefined();

      // Neither the outbox nor the Team page carries the live link afterwards.
      const box = await responseOf(() => outbox.loader({ request: get("/o/acme/outbox", admin), params: { org: "acme" }, context: ctx() }));
      const boxText = await box.text();
      expect(boxText).toContain("new.person@a.test");
      expect(boxText).not.toContain(token!);
      const team = await responseOf(() =>
        members.loader({ request: get("/o/acme/members", admin), params: { org: "acme" }, context: ctx() }),
      );
      expect(await team.text()).not.toContain(token!);

      // GET never consumes the invitation
      const page = await responseOf(() => join.loader({ request: get(`/join/${token}`), params: { token }, context: ctx() }));
      expect(page.status).toBe(200);
      // Whoever holds the link (the admin copied it) has not proven the address: a mail to it must confirm.
      const mark =
        (
          await h()
            .db.selectFrom("mail_outbox")
            .select((eb) => eb.fn.max("id").as("n"))
            .executeTakeFirstOrThrow()
        ).n ?? 0;
      const accepted = await responseOf(() =>
        join.action({
          request: post(`/join/${token}`, { name: "New Person", password: "a long passphrase", confirm: "a long passphrase" }),
          params: { token },
          context: ctx(),
        }),
      );
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toMatchObject({ confirmSent: true });
      expect(accepted.headers.get("Set-Cookie")).toBeNull();
      expect(await h().db.selectFrom("users").select("id").where("email", "=", "new.person@a.test").execute()).toEqual([]);
      const confirmMail = await h()
        .db.selectFrom("mail_outbox")
        .select(["to_address", "kind", "body_text"])
        .where("id", ">", Number(mark))
        .executeTakeFirstOrThrow();
      expect(confirmMail).toMatchObject({ to_address: "new.person@a.test", kind: "team-join-confirm" });
      const confirmToken = /\/signup\/confirm\/([A-Za-z0-9_-]{43})/.exec(confirmMail.body_text)![1]!;
      const confirmPage = await responseOf(() =>
        confirm.loader({ request: get(`/signup/confirm/${confirmToken}`), params: { token: confirmToken }, context: ctx() }),
      );
      expect(await confirmPage.json()).toMatchObject({ email: "new.person@a.test", joinOrg: "ACME" });
      const joined = await responseOf(() =>
        confirm.action({ request: post(`/signup/confirm/${confirmToken}`, {}), params: { token: confirmToken }, context: ctx() }),
      );
      expect(joined.status).toBe(302);
      expect(joined.headers.get("Location")).toBe("/o/acme");
      expect(toastOf(joined)).toMatchObject({ message: "Welcome to Lantern: your account is ready." });
      expect(joined.headers.get("Set-Cookie")).toMatch(/lantern_session=.{43}; Path=\/; HttpOnly; SameSite=Lax/);
      const reuse = await responseOf(() => join.loader({ request: get(`/join/${token}`), params: { token }, context: ctx() }));
      expect(reuse.status).toBe(410);
      const again = await responseOf(() =>
        confirm.action({ request: post(`/signup/confirm/${confirmToken}`, {}), params: { token: confirmToken }, context: ctx() }),
      );
      expect(again.status).toBe(410);
      expect(await again.json()).toEqual({ formError: "This link has expired or was used already. Ask for a new one." });

      const newId = (await h().db.selectFrom("users").select("id").where("email", "=", "new.person@a.test").executeTakeFirstOrThrow()).id;
      const role = await responseOf(() =>
        members.action({
          request: post("/o/acme/members", { intent: "change-role", userId: String(newId), role: "executive" }, admin),
          params: { org: "acme" },
          context: ctx(),
        }),
      );
      expect(role.status).toBe(302);
      expect(role.headers.get("Location")).toBe("/o/acme/members");
      const lastAdmin = await responseOf(() =>
        members.action({
          request: post("/o/acme/members", { intent: "remove", userId: String(acme.users["admin@a.test"]) }, admin),
          params: { org: "acme" },
          context: ctx(),
        }),
      );
      expect(lastAdmin.status).toBe(409);
      expect((await lastAdmin.json()).formError).toMatch(/last admin/);

      const trail = await responseOf(() =>
        audit.loader({ request: get("/o/acme/audit?action=member.role_changed", admin), params: { org: "acme" }, context: ctx() }),
      );
      const rows = (await trail.json()).rows as Array<{ action: string; diff: string }>;
      expect(rows).toHaveLength(1);
      expect(JSON.parse(rows[0]!.diff)).toEqual({ role: ["compliance", "executive"] });
      const all = await responseOf(() => audit.loader({ request: get("/o/acme/audit", admin), params: { org: "acme" }, context: ctx() }));
      const actions = ((await all.json()).rows as Array<{ action: string }>).map((r) => r.action);
      expect(actions).toEqual(expect.arrayContaining(["member.invited", "member.joined", "member.role_changed"]));
    },
  );

  it("refuses a bad audit filter with a 400", async () => {
    await setup(h());
    const r = await responseOf(() =>
      audit.loader({ request: get("/o/acme/audit?from=yesterday", cookies["admin@a.test"]), params: { org: "acme" }, context: ctx() }),
    );
    expect(r.status).toBe(400);
  });
});
