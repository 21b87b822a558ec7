// Site-audit routes against a real database: recording an audit with its report (multipart), the
// audit page's findings file (XLSX) checked then imported, a bad file refused with a clear 4xx, the
// templates, the report download, the supplier page's Audits section, and the action page refusing
// "verified" (409) until two months of time records are attached through its records form.
import ExcelJS from "exceljs";
import { expect, it } from "vitest";
import {
  contextFor,
  cookieFor,
  describeEachEngine,
  get,
  makeOrg,
  post,
  responseOf,
  toastOf,
  withTemporaryEvidenceDir,
} from "~/test/support";
import { insertSupplier } from "~/models/supplier.server";
import { SupplierSchema } from "~/schemas/supplier";
import * as newAudit from "./o.$org.suppliers.$id.audits.new";
import * as auditPage from "./o.$org.suppliers.$id.audits.$auditId";
import * as report from "./o.$org.suppliers.$id.audits.$auditId.report";
import * as xlsxTemplate from "./o.$org.audit-findings.template[.xlsx]";
import * as csvTemplate from "./o.$org.audit-findings.template[.csv]";
import * as supplierPage from "./o.$org.suppliers.$id._index";
import * as actionPage from "./o.$org.actions.$id";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
withTemporaryEvidenceDir("lantern-site-audit-routes-");

function multipart(
  path: string,
  fields: Record<string, string>,
  file: { field: string; name: string; bytes: Uint8Array } | null,
  cookie: string,
) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  if (file) fd.append(file.field, new File([new Uint8Array(file.bytes)], file.name));
  return new Request(`http://localhost${path}`, { method: "POST", body: fd, headers: { Cookie: cookie } });
}

describeEachEngine("site audit routes", (h) => {
  const ctx = () => contextFor(h());
  let n = 0;
  async function world() {
    const slug = `sar${++n}${Math.random().toString(36).slice(2, 6)}`;
    const org = await makeOrg(h(), slug, [
      [`officer@${slug}.test`, "compliance"],
      [`exec@${slug}.test`, "executive"],
    ]);
    const supplierId = await insertSupplier(h().db, org.orgId, SupplierSchema.parse({ name: "Knit Co", country: "BD" }));
    return {
      slug,
      supplierId,
      officer: await cookieFor(h(), org.users[`officer@${slug}.test`]!),
      exec: await cookieFor(h(), org.users[`exec@${slug}.test`]!),
    };
  }

  it("records an audit with its report, imports an XLSX findings file, and refuses 'verified' until the records are in", async () => {
    const w = await world();
    const base = `/o/${w.slug}/suppliers/${w.supplierId}`;
    const params = { org: w.slug, id: String(w.supplierId) };
    const fields = { standard: "smeta_4", firm: "Bureau X", auditDate: "2026-03-10", auditType: "semi_announced", result: "" };

    const denied = await responseOf(() =>
      newAudit.action({ request: multipart(`${base}/audits/new`, fields, null, w.exec), params, context: ctx() }),
    );
    expect(denied.status).toBe(403);
    const invalid = await responseOf(() =>
      newAudit.action({ request: post(`${base}/audits/new`, { ...fields, auditDate: "2026-02-30" }, w.officer), params, context: ctx() }),
    );
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ fieldErrors: { auditDate: "This date does not exist" } });
    const made = await responseOf(() =>
      newAudit.action({
        request: multipart(`${base}/audits/new`, fields, { field: "report", name: "smeta.pdf", bytes: PDF }, w.officer),
        params,
        context: ctx(),
      }),
    );
    expect(made.status).toBe(302);
    const auditPath = made.headers.get("Location")!;
    const auditId = /\/audits\/(\d+)$/.exec(auditPath)![1]!;
    const aParams = { ...params, auditId };

    const file = await responseOf(() => report.loader({ request: get(`${auditPath}/report`, w.exec), params: aParams, context: ctx() }));
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toContain("smeta.pdf");

    // The template from the page, filled in, goes back in.
    const tpl = await responseOf(() =>
      xlsxTemplate.loader({ request: get(`/o/${w.slug}/audit-findings/template.xlsx`, w.exec), params, context: ctx() }),
    );
    expect(tpl.headers.get("Content-Type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await tpl.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, "description", "severity", "touches", "recommended_fix"]);
    // The officer replaces the examples with the audit's one finding (rows left blank are skipped).
    ws.getRow(2).values = ["Workers worked 72 hours in 3 of 12 weeks", "Major", "excessive overtime", "Cap hours at 60"];
    for (const r of [3, 4]) ws.getRow(r).values = [];
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());
    const csv = await responseOf(() =>
      csvTemplate.loader({ request: get(`/o/${w.slug}/audit-findings/template.csv`, w.exec), params, context: ctx() }),
    );
    expect(await csv.text()).toContain("description,severity,touches,recommended_fix");

    const upload = (bytes: Uint8Array, name: string) =>
      responseOf(() =>
        auditPage.action({
          request: multipart(auditPath, { intent: "check" }, { field: "file", name, bytes }, w.officer),
          params: aParams,
          context: ctx(),
        }),
      );
    const bad = await upload(PDF, "report.pdf");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ intent: "check", fieldErrors: { file: expect.stringContaining("CSV or XLSX") } });

    const checked = await upload(filled, "findings.xlsx");
    expect(checked.status).toBe(302);
    expect(toastOf(checked)?.message).toBe("1 finding ready to import.");
    const importId = /import=(\d+)/.exec(checked.headers.get("Location")!)![1]!;
    const preview = await responseOf(() =>
      auditPage.loader({ request: get(`${auditPath}?import=${importId}`, w.officer), params: aParams, context: ctx() }),
    );
    expect(await preview.json()).toMatchObject({ checked: { rows: [{ severity: "major", indicator: "excessive_overtime" }], errors: [] } });
    const committed = await responseOf(() =>
      auditPage.action({ request: post(auditPath, { intent: "commit", importId }, w.officer), params: aParams, context: ctx() }),
    );
    expect(committed.status).toBe(302);

    const page = await (
      await responseOf(() => auditPage.loader({ request: get(auditPath, w.exec), params: aParams, context: ctx() }))
    ).json();
    const actionId = String(page.findings[0].actionId);
    expect(page.canEdit).toBe(false);
    const supplier = await (await responseOf(() => supplierPage.loader({ request: get(base, w.exec), params, context: ctx() }))).json();
    expect(supplier.audits).toMatchObject([
      { label: "SMETA 4-pillar, 2026-03-10, Bureau X", openFindings: 1, inForce: expect.any(Boolean) },
    ]);

    const act = async (fields: Record<string, string>, file: { name: string; bytes: Uint8Array } | null = null) =>
      responseOf(() =>
        actionPage.action({
          request: multipart(`/o/${w.slug}/actions/${actionId}`, fields, file && { field: "files", ...file }, w.officer),
          params: { org: w.slug, id: actionId },
          context: ctx(),
        }),
      );
    expect((await act({ intent: "status", version: "1", status: "done" })).status).toBe(302);
    const refused = await act({ intent: "status", version: "2", status: "verified" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).formError).toContain("time records for two calendar months after 2026-03");
    expect((await act({ intent: "record", version: "2", kind: "time", month: "2026-4" }, { name: "apr.pdf", bytes: PDF })).status).toBe(
      400,
    );
    expect((await act({ intent: "record", version: "2", kind: "time", month: "2026-04" }, { name: "apr.pdf", bytes: PDF })).status).toBe(
      302,
    );
    expect((await act({ intent: "record", version: "3", kind: "time", month: "2026-05" }, { name: "may.pdf", bytes: PDF })).status).toBe(
      302,
    );
    const view = await (
      await responseOf(() =>
        actionPage.loader({
          request: get(`/o/${w.slug}/actions/${actionId}`, w.exec),
          params: { org: w.slug, id: actionId },
          context: ctx(),
        }),
      )
    ).json();
    expect(view.finding.records).toMatchObject({ met: true, months: ["2026-04", "2026-05"] });
    expect((await act({ intent: "status", version: "4", status: "verified" })).status).toBe(302);
  });
});
