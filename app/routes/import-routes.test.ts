// The import upload action's refusals: nothing is stored for any of them.
import { expect, it } from "vitest";
import { contextFor, cookieFor, describeEachEngine, makeOrg, post, responseOf } from "~/test/support";
import * as upload from "./o.$org.suppliers.import._index";
import * as step from "./o.$org.suppliers.import.$id";

function multipart(cookie: string, body: Uint8Array, filename = "s.csv", extraHeaders: Record<string, string> = {}) {
  const fd = new FormData();
  fd.set("file", new File([body as Uint8Array<ArrayBuffer>], filename, { type: "text/csv" }));
  return new Request("http://localhost/o/imp/suppliers/import", { method: "POST", body: fd, headers: { Cookie: cookie, ...extraHeaders } });
}

describeEachEngine("import upload", (h) => {
  it("refuses too-large, non-multipart, badly encoded and empty uploads with a clear message, storing nothing", async () => {
    const { users } = await makeOrg(h(), "imp", [
      ["o@imp.test", "compliance"],
      ["x@imp.test", "executive"],
    ]);
    const cookie = await cookieFor(h(), users["o@imp.test"]!);
    const ctx = contextFor(h());
    const call = (request: Request) => responseOf(() => upload.action({ request, params: { org: "imp" }, context: ctx }));

    // A 200 MB upload is refused from its Content-Length, before it is read.
    const big = new Request("http://localhost/o/imp/suppliers/import", {
      method: "POST",
      body: "x",
      headers: { Cookie: cookie, "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(200 * 1024 * 1024) },
    });
    const r413 = await call(big);
    expect(r413.status).toBe(413);
    expect((await r413.json()).formError).toMatch(/larger than 50 MB/);

    const json = new Request("http://localhost/o/imp/suppliers/import", {
      method: "POST",
      body: "{}",
      headers: { Cookie: cookie, "Content-Type": "application/json" },
    });
    expect((await call(json)).status).toBe(415);

    const latin1 = new Uint8Array([...new TextEncoder().encode("name,country\nCaf"), 0xe9, ...new TextEncoder().encode(",FR\n")]);
    const r400 = await call(multipart(cookie, latin1));
    expect(r400.status).toBe(400);
    expect((await r400.json()).formError).toMatch(/not UTF-8/);

    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(((await (await call(multipart(cookie, xlsx, "s.xlsx"))).json()) as { formError: string }).formError).toMatch(/Excel workbook/);

    const empty = await call(multipart(cookie, new Uint8Array()));
    expect(empty.status).toBe(400);

    const ok = await call(multipart(cookie, new TextEncoder().encode("name,country\nMill,BD\n")));
    expect(ok.status).toBe(302);
    const rows = await h().db.selectFrom("supplier_imports").select("filename").execute();
    expect(rows.map((r) => r.filename)).toEqual(["s.csv"]); // only the good file was stored

    const exec = await call(multipart(await cookieFor(h(), users["x@imp.test"]!), new TextEncoder().encode("name,country\nMill,BD\n")));
    expect(exec.status).toBe(403);
  });
});

describeEachEngine("import step actions", (h) => {
  it("refuses a forged policy or decision with 400, and discards a check (not for an executive)", async () => {
    const { orgId, users } = await makeOrg(h(), "imq", [
      ["o@imq.test", "compliance"],
      ["x@imq.test", "executive"],
    ]);
    const cookie = await cookieFor(h(), users["o@imq.test"]!);
    const ctx = contextFor(h());
    const up = await responseOf(() =>
      upload.action({
        request: multipart(cookie, new TextEncoder().encode("name,country\nMill,BD\n")),
        params: { org: "imq" },
        context: ctx,
      }),
    );
    const importId = up.headers.get("Location")!.split("/").pop()!;
    const url = `/o/imq/suppliers/import/${importId}`;
    const act = (form: Record<string, string>, c = cookie) =>
      responseOf(() => step.action({ request: post(url, form, c), params: { org: "imq", id: importId }, context: ctx }));

    const badPolicy = await act({ intent: "check", columns: "2", col0: "name", col1: "country", policy: "delete_everything" });
    expect(badPolicy.status).toBe(400);
    expect((await badPolicy.json()).formError).toMatch(/Choose what the import may do/);
    const badChoice = await act({ intent: "recheck", policy: "overwrite", conflicts: "1", conflictKey0: "n:mill|BD", conflict0: "merge" });
    expect(badChoice.status).toBe(400);

    expect((await act({ intent: "discard" }, await cookieFor(h(), users["x@imq.test"]!))).status).toBe(403);
    expect((await act({ intent: "discard" })).status).toBe(302);
    const row = await h()
      .db.selectFrom("supplier_imports")
      .select(["status", "content"])
      .where("org_id", "=", orgId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "discarded", content: "" });
    expect((await act({ intent: "commit" })).status).toBe(409);
  });
});
