// Uploads through the real route actions, on both engines: disguised types (415) and bad Office
// packages, oversized bodies (413: announced by Content-Length, and bounded while streaming without
// one), the per-tenant quota (413, other tenants unaffected), path tricks in names (a safe display
// name; the file stays content-addressed under the storage dir) and download headers.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { contextFor, cookieFor, describeEachEngine, get, makeOrg } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import { resetEnvCache } from "~/lib/env.server";
import { insertSupplier } from "~/models/supplier.server";
import { SupplierSchema } from "~/schemas/supplier";
import { UPLOAD_LIMITS } from "~/domain/upload/limits";
import { makeDocx, makeZip } from "~/test/zip";
import { startAssessments } from "~/services/assessments.server";
import { openSupplierSession, sendAssessmentInvite } from "~/services/invites.server";
import * as portalFiles from "~/routes/s.portal.files";
import * as portalFile from "~/routes/s.portal.files.$fileId";
import * as officerFiles from "~/routes/o.$org.assessments.$id.files";
import * as officerFile from "~/routes/o.$org.assessments.$id.files.$fileId";
import * as actionPage from "~/routes/o.$org.actions.$id";
import * as actionFile from "~/routes/o.$org.actions.$id.files.$fileId";
import * as portalActions from "~/routes/s.portal.actions";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const HTML = new TextEncoder().encode("<!doctype html><html><script>alert(document.cookie)</script></html>");
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
const PLAIN_ZIP = makeZip([{ name: "readme.txt", data: "hello" }]);
const QUESTION = "p5.sample_contract";

type Bytes = Uint8Array<ArrayBuffer>;
type Part = { name: string; filename?: string; data: Uint8Array | string };

/** A multipart body as a stream, without Content-Length (as a chunked upload arrives). */
function streamed(url: string, parts: Part[], cookie: string): Request {
  const boundary = "----lantern-test-boundary";
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ""}`;
    const type = p.filename !== undefined ? "Content-Type: application/octet-stream\r\n" : "";
    chunks.push(enc.encode(`--${boundary}\r\nContent-Disposition: ${disp}\r\n${type}\r\n`));
    const data = typeof p.data === "string" ? enc.encode(p.data) : p.data;
    for (let i = 0; i < data.length; i += 1024 * 1024) chunks.push(data.subarray(i, i + 1024 * 1024));
    chunks.push(enc.encode("\r\n"));
  }
  chunks.push(enc.encode(`--${boundary}--\r\n`));
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(ctl) {
      if (i < chunks.length) ctl.enqueue(chunks[i++]!);
      else ctl.close();
    },
  });
  const init: RequestInit & { duplex: "half" } = {
    method: "POST",
    body,
    duplex: "half",
    headers: { Cookie: cookie, "Content-Type": `multipart/form-data; boundary=${boundary}` },
  };
  return new Request(url, init);
}

/** A big PDF-looking file (the prefix is a PDF's, the rest zeros). */
function bigPdf(bytes: number): Bytes {
  const b = new Uint8Array(bytes);
  b.set(PDF.subarray(0, 9));
  return b;
}

let evidenceDir = "";
beforeAll(async () => {
  evidenceDir = await mkdtemp(path.join(tmpdir(), "lantern-uploads-"));
  process.env.EVIDENCE_DIR = evidenceDir;
  resetEnvCache();
});
afterAll(async () => {
  await rm(evidenceDir, { recursive: true, force: true });
});

describeEachEngine("upload hardening", (h) => {
  let acme: Tenant;
  let boreal: Tenant;
  let ipSeq = 0;
  // Each request from its own IP: the upload rate limits are tested in abuse-routes.test.ts.
  const ctx = () => contextFor(h(), `198.18.${Math.floor(++ipSeq / 200)}.${ipSeq % 200}`);

  interface Tenant {
    slug: string;
    orgId: number;
    id: OrgIdentity;
    officerCookie: string;
  }
  async function tenant(slug: string): Promise<Tenant> {
    const email = `officer@${slug}.test`;
    const { orgId, users } = await makeOrg(h(), slug, [[email, "compliance"]]);
    const id: OrgIdentity = {
      user: { sessionId: "s", userId: users[email]!, email, name: "Officer" },
      org: { id: orgId, slug, name: slug.toUpperCase() },
      role: "compliance",
    };
    return { slug, orgId, id, officerCookie: await cookieFor(h(), users[email]!) };
  }

  /**
   * A fresh assessment (so the 20-files-per-question cap never bites), its supplier's portal cookie and an
   * open action for that supplier.
   */
  async function setup(t: Tenant) {
    const n = ++ipSeq;
    const supplierId = await insertSupplier(h().db, t.orgId, SupplierSchema.parse({ name: `Mill ${n}`, country: "BD" }));
    const { created } = await startAssessments(h().db, t.id, [supplierId], { dueAt: "2027-01-31", language: "en" }, "ip");
    const assessmentId = created[0]!;
    const email = `hr${n}@mill.test`;
    expect(await sendAssessmentInvite(h().db, t.id, assessmentId, { email, language: "en" }, "ip")).toHaveProperty("value.inviteId");
    const mail = await h().db.selectFrom("mail_outbox").select("body_text").where("to_address", "=", email).executeTakeFirstOrThrow();
    const opened = await openSupplierSession(h().db, /\/s\/([A-Za-z0-9_-]{43})/.exec(mail.body_text)![1]!);
    if (!("cookie" in opened)) throw new Error("link not open");
    const at = "2026-01-01T00:00:00.000Z";
    const actionId = (
      await h()
        .db.insertInto("corrective_actions")
        .values({
          org_id: t.orgId,
          supplier_id: supplierId,
          source: "manual",
          title: `Fix ${n}`,
          due_at: "2027-01-31",
          status: "open",
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    return { assessmentId, portal: opened.cookie.split(";")[0]!, actionId };
  }
  const versionOf = async (actionId: number) =>
    (await h().db.selectFrom("corrective_actions").select("version").where("id", "=", actionId).executeTakeFirstOrThrow()).version;

  function form(fields: Record<string, string>, files: Array<{ name: string; bytes: Bytes }>, key: string) {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.set(k, v);
    for (const f of files) fd.append(key, new File([f.bytes], f.name));
    return fd;
  }
  const request = (url: string, body: FormData, cookie: string, headers: Record<string, string> = {}) =>
    new Request(`http://localhost${url}`, { method: "POST", body, headers: { Cookie: cookie, ...headers } });

  // The four ways a file arrives.
  const viaPortal = (s: Awaited<ReturnType<typeof setup>>, name: string, bytes: Bytes) =>
    portalFiles.action({
      request: request(
        "/s/portal/files",
        form({ assessmentId: String(s.assessmentId), questionKey: QUESTION }, [{ name, bytes }], "file"),
        s.portal,
      ),
      params: {},
      context: ctx(),
    });
  const viaOfficer = (t: Tenant, s: Awaited<ReturnType<typeof setup>>, name: string, bytes: Bytes) =>
    officerFiles.action({
      request: request(
        `/o/${t.slug}/assessments/${s.assessmentId}/files`,
        form({ questionKey: QUESTION }, [{ name, bytes }], "file"),
        t.officerCookie,
      ),
      params: { org: t.slug, id: String(s.assessmentId) },
      context: ctx(),
    });
  const viaNote = async (t: Tenant, s: Awaited<ReturnType<typeof setup>>, name: string, bytes: Bytes) =>
    actionPage.action({
      request: request(
        `/o/${t.slug}/actions/${s.actionId}`,
        form({ intent: "note", version: String(await versionOf(s.actionId)), body: "" }, [{ name, bytes }], "files"),
        t.officerCookie,
      ),
      params: { org: t.slug, id: String(s.actionId) },
      context: ctx(),
    });
  const viaReply = async (s: Awaited<ReturnType<typeof setup>>, name: string, bytes: Bytes) =>
    portalActions.action({
      request: request(
        `/s/portal/actions?actionId=${s.actionId}`,
        form({ actionId: String(s.actionId), version: String(await versionOf(s.actionId)), body: "" }, [{ name, bytes }], "files"),
        s.portal,
      ),
      params: {},
      context: ctx(),
    });
  const routes = (t: Tenant, s: Awaited<ReturnType<typeof setup>>) =>
    [
      ["portal evidence", (n: string, b: Bytes) => viaPortal(s, n, b)],
      ["officer evidence", (n: string, b: Bytes) => viaOfficer(t, s, n, b)],
      ["officer note", (n: string, b: Bytes) => viaNote(t, s, n, b)],
      ["supplier reply", (n: string, b: Bytes) => viaReply(s, n, b)],
    ] as const;

  beforeAll(async () => {
    acme = await tenant("acme");
    boreal = await tenant("boreal");
  });

  it("refuses disguised files and unsafe Office packages with 415 on every upload form, and accepts a real Word document", async () => {
    const s = await setup(acme);
    const refused: Array<[string, Bytes]> = [
      ["report.pdf", HTML], // an HTML page named .pdf
      ["invoice.pdf", EXE], // a Windows program named .pdf
      ["scan.pdf", PLAIN_ZIP], // a plain archive named .pdf
      ["archive.zip", PLAIN_ZIP], // a plain archive under its own name
      [
        "policy.docx",
        makeZip([
          { name: "word/document.xml", data: "<w/>" },
          { name: "x/[Content_Types].xml.bak", data: "" },
        ]),
      ],
      ["policy.docx", makeDocx([{ name: "../../../etc/cron.d/x", data: "* * * * * root sh" }])],
      ["policy.docx", makeDocx([{ name: "word/secret.xml", data: "x", flags: 1 }])],
      ["policy.docx", makeDocx([{ name: "word/zeros.xml", data: new Uint8Array(20 * 1024 * 1024) }])],
    ];
    for (const [route, send] of routes(acme, s)) {
      for (const [name, bytes] of refused) {
        const r = await send(name, bytes);
        expect(r.status, `${route}: ${name}`).toBe(415);
      }
      const ok = await send("policy.docx", makeDocx());
      expect(ok.status, `${route}: a real docx`).toBe(route === "officer note" || route === "supplier reply" ? 302 : 200);
    }
    // The officer reads why an Office file was refused.
    const why = await viaOfficer(acme, s, "plan.docx", makeDocx([{ name: "..\\..\\win.ini", data: "x" }]));
    expect(await why.json()).toMatchObject({
      message: "plan.docx is not accepted: a file inside it has a name that points outside the document.",
    });
    const bomb = await viaNote(acme, s, "sheet.docx", makeDocx([{ name: "word/zeros.xml", data: new Uint8Array(20 * 1024 * 1024) }]));
    expect((await bomb.json()).formError).toMatch(/would unpack to more than 100 times its size/);
    // The supplier reads it in the portal's words.
    const portal = await viaPortal(s, "report.pdf", HTML);
    expect(await portal.json()).toMatchObject({ messageKey: "ui.upload.wrong_type", params: { name: "report.pdf" } });
    // Nothing refused was stored.
    expect(await h().db.selectFrom("evidence_files").select("filename").where("assessment_id", "=", s.assessmentId).execute()).toEqual([
      { filename: "policy.docx" },
      { filename: "policy.docx" },
    ]);
  });

  it(
    "refuses an oversized file with 413: announced by Content-Length before reading, " + "and bounded while streaming without one",
    async () => {
      const s = await setup(acme);
      const tooBig = bigPdf(UPLOAD_LIMITS.maxBytes + 1);
      for (const [route, send] of routes(acme, s)) expect((await send("scan.pdf", tooBig)).status, route).toBe(413);

      // A small body announcing a huge one is refused before it is read.
      const announced = request(
        "/s/portal/files",
        form({ assessmentId: String(s.assessmentId), questionKey: QUESTION }, [{ name: "a.pdf", bytes: PDF }], "file"),
        s.portal,
        {
          "Content-Length": String(50 * 1024 * 1024),
        },
      );
      expect(announced.headers.get("Content-Length")).toBe(String(50 * 1024 * 1024));
      expect((await portalFiles.action({ request: announced, params: {}, context: ctx() })).status).toBe(413);

      // Chunked, without Content-Length: each part under the per-file limit, the whole over the body's.
      const nine = bigPdf(9 * 1024 * 1024);
      const portal = streamed(
        "http://localhost/s/portal/files",
        [
          { name: "assessmentId", data: String(s.assessmentId) },
          { name: "questionKey", data: QUESTION },
          { name: "file", filename: "a.pdf", data: nine },
          { name: "junk", filename: "b.pdf", data: nine },
        ],
        s.portal,
      );
      const r1 = await portalFiles.action({ request: portal, params: {}, context: ctx() });
      expect(r1.status).toBe(413);
      expect(await r1.json()).toMatchObject({ messageKey: "ui.upload.too_large" });
      const note = streamed(
        `http://localhost/o/acme/actions/${s.actionId}`,
        [
          { name: "intent", data: "note" },
          { name: "version", data: String(await versionOf(s.actionId)) },
          ...[1, 2, 3, 4].map((i) => ({ name: "files", filename: `f${i}.pdf`, data: nine })),
        ],
        acme.officerCookie,
      );
      const r2 = await actionPage.action({ request: note, params: { org: "acme", id: String(s.actionId) }, context: ctx() });
      expect(r2.status).toBe(413);
      // One part over the per-file limit, streamed: refused while reading.
      const one = streamed(
        `http://localhost/o/acme/assessments/${s.assessmentId}/files`,
        [
          { name: "questionKey", data: QUESTION },
          { name: "file", filename: "big.pdf", data: tooBig },
        ],
        acme.officerCookie,
      );
      const r3 = await officerFiles.action({ request: one, params: { org: "acme", id: String(s.assessmentId) }, context: ctx() });
      expect(r3.status).toBe(413);
      expect((await r3.json()).message).toMatch(/larger than 10 MB/);
      expect(await h().db.selectFrom("evidence_files").select("id").where("assessment_id", "=", s.assessmentId).execute()).toEqual([]);
      expect(await h().db.selectFrom("action_files").select("id").where("action_id", "=", s.actionId).execute()).toEqual([]);
    },
  );

  it("refuses uploads past the tenant's storage quota with 413 and a message, while another tenant still uploads", async () => {
    const s = await setup(acme);
    const other = await setup(boreal);
    // Two large files already stored (recorded, not written: the quota counts the rows).
    const big = Math.ceil(UPLOAD_LIMITS.orgQuotaBytes / 2) - 1000;
    const ids: number[] = [];
    for (const q of ["p1.written_policy", QUESTION]) {
      const row = {
        org_id: acme.orgId,
        assessment_id: s.assessmentId,
        question_key: q,
        filename: "old.pdf",
        mime: "application/pdf",
        size_bytes: big,
        sha256: "0".repeat(64),
        storage_key: "0".repeat(64),
        uploaded_by: "x",
        created_at: "2026-01-01T00:00:00.000Z",
      };
      ids.push((await h().db.insertInto("evidence_files").values(row).returning("id").executeTakeFirstOrThrow()).id);
    }
    const file = bigPdf(4000);
    const portal = await viaPortal(s, "contract.pdf", file);
    expect(portal.status).toBe(413);
    expect(await portal.json()).toMatchObject({ messageKey: "ui.upload.quota", params: { name: "contract.pdf" } });
    const officer = await viaOfficer(acme, s, "contract.pdf", file);
    expect(officer.status).toBe(413);
    expect((await officer.json()).message).toMatch(/storage for documents is full \(2 GB\)/);
    // Action files share the quota with evidence.
    expect((await viaNote(acme, s, "contract.pdf", file)).status).toBe(413);
    expect((await viaReply(s, "contract.pdf", file)).status).toBe(413);
    // Another tenant is not affected.
    expect((await viaPortal(other, "contract.pdf", file)).status).toBe(200);
    expect((await viaNote(boreal, other, "contract.pdf", file)).status).toBe(302);
    // Removed files free their space.
    await h().db.updateTable("evidence_files").set({ deleted_at: "2026-01-02T00:00:00.000Z" }).where("id", "in", ids).execute();
    expect((await viaPortal(s, "contract.pdf", file)).status).toBe(200);
  });

  it(
    "stores tricky names as safe display names, keeps files content-addressed under the storage dir, " +
      "and downloads them as attachments",
    async () => {
      const s = await setup(acme);
      const names: Array<[string, RegExp]> = [
        ["../../etc/passwd", /^passwd\.pdf$/],
        ["..\\..\\windows\\win.ini", /^win\.pdf$/],
        ["/abs/path/contract.pdf", /^contract\.pdf$/],
        ["a\u0001b\u001fc.pdf", /^a_b_c\.pdf$/],
        ["invoice\u202Efdp.exe", /^invoicefdp\.pdf$/],
        ["....", /^document\.pdf$/],
        ["x".repeat(300) + ".pdf", new RegExp(`^x{${UPLOAD_LIMITS.maxNameChars}}\\.pdf$`)],
        ["política \u5408\u540c (v2).pdf", /^política 合同 \(v2\)\.pdf$/],
      ];
      const stored: Array<{ fileId: number; filename: string }> = [];
      for (const [raw, want] of names) {
        const r = await viaPortal(s, raw, PDF);
        expect(r.status, raw).toBe(200);
        const body = (await r.json()) as { fileId: number; filename: string };
        expect(body.filename, raw).toMatch(want);
        stored.push(body);
      }
      // Every file on disk is <org id>/<sha256>: no name a user sent became a path.
      const onDisk = (await readdir(evidenceDir, { recursive: true, withFileTypes: true }))
        .filter((d) => d.isFile())
        .map((d) => path.relative(evidenceDir, path.join(d.parentPath, d.name)));
      expect(onDisk.length).toBeGreaterThan(0);
      for (const p of onDisk) expect(p).toMatch(/^\d+[/\\][a-f0-9]{64}$/);
      const rows = await h()
        .db.selectFrom("evidence_files")
        .select(["storage_key", "sha256"])
        .where("assessment_id", "=", s.assessmentId)
        .execute();
      for (const row of rows) expect(row.storage_key).toBe(row.sha256);

      for (const { fileId, filename } of stored) {
        const portal = await portalFile.loader({
          request: get(`/s/portal/files/${fileId}`, s.portal),
          params: { fileId: String(fileId) },
          context: ctx(),
        });
        const officer = await officerFile.loader({
          request: get(`/o/acme/assessments/${s.assessmentId}/files/${fileId}`, acme.officerCookie),
          params: { org: "acme", id: String(s.assessmentId), fileId: String(fileId) },
          context: ctx(),
        });
        for (const r of [portal, officer]) {
          expect(r.status).toBe(200);
          expect(r.headers.get("Content-Type")).toBe("application/pdf");
          expect(r.headers.get("X-Content-Type-Options")).toBe("nosniff");
          const cd = r.headers.get("Content-Disposition")!;
          expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
          expect(decodeURIComponent(cd.split("''")[1]!)).toBe(filename);
        }
      }

      // A stored type outside the allow list (an old or tampered row) is served as opaque bytes.
      const sha = rows[0]!.sha256;
      const odd = {
        org_id: acme.orgId,
        assessment_id: s.assessmentId,
        question_key: QUESTION,
        filename: "page.html",
        mime: "text/html",
        size_bytes: PDF.length,
        sha256: sha,
        storage_key: sha,
        uploaded_by: "x",
        created_at: "2026-01-01T00:00:00.000Z",
      };
      const oddId = (await h().db.insertInto("evidence_files").values(odd).returning("id").executeTakeFirstOrThrow()).id;
      const r = await portalFile.loader({
        request: get(`/s/portal/files/${oddId}`, s.portal),
        params: { fileId: String(oddId) },
        context: ctx(),
      });
      expect(r.headers.get("Content-Type")).toBe("application/octet-stream");
      expect(r.headers.get("Content-Disposition")).toMatch(/^attachment;/);

      // Corrective-action files get the same names and headers.
      const note = await viaNote(acme, s, "../../etc/shadow\u202Egnp.pdf", PDF);
      expect(note.status).toBe(302);
      const f = await h()
        .db.selectFrom("action_files")
        .select(["id", "filename"])
        .where("action_id", "=", s.actionId)
        .executeTakeFirstOrThrow();
      expect(f.filename).toBe("shadowgnp.pdf");
      const dl = await actionFile.loader({
        request: get(`/o/acme/actions/${s.actionId}/files/${f.id}`, acme.officerCookie),
        params: { org: "acme", id: String(s.actionId), fileId: String(f.id) },
        context: ctx(),
      });
      expect(dl.headers.get("Content-Disposition")).toBe(`attachment; filename="shadowgnp.pdf"; filename*=UTF-8''shadowgnp.pdf`);
      expect(dl.headers.get("X-Content-Type-Options")).toBe("nosniff");
    },
  );
});
