import { describe, expect, it } from "vitest";
import { inspectOfficeArchive, unsafeEntryName } from "./archive.server";
import { checkUpload, isRefusal } from "./check.server";
import { contentDisposition, displayName, downloadHeaders, nameLabel } from "~/domain/upload/filename";
import { UPLOAD_LIMITS } from "~/domain/upload/limits";
import { makeDocx, makeZip } from "~/test/zip";

const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");

describe("displayName", () => {
  const cases: Array<[string, string]> = [
    ["../../etc/passwd", "passwd.pdf"],
    ["..\\..\\windows\\win.ini", "win.pdf"],
    ["/abs/path/report.pdf", "report.pdf"],
    ["C:\\Users\\x\\policy.exe", "policy.pdf"],
    ["a\u0000b\u0001c.pdf", "a_b_c.pdf"],
    ["invoice\u202Efdp.exe", "invoicefdp.pdf"], // the RTL override is dropped, the real type wins
    ["...", "document.pdf"],
    [". .", "document.pdf"],
    ["", "document.pdf"],
    ["evil.pdf.exe", "evil.pdf.pdf"],
    ["política laboral 2026.PDF", "política laboral 2026.pdf"],
    ["contract\uFF0F..\uFF0Fsecret.pdf", "secret.pdf"], // fullwidth solidus is a slash after NFKC
    ['a"b\r\nc<d>.pdf', "a_b_c_d_.pdf"],
  ];
  it.each(cases)("%j → %j", (raw, want) => {
    expect(displayName(raw, "pdf")).toBe(want);
  });
  it("caps long names by characters, never inside a surrogate pair", () => {
    const long = displayName("x".repeat(99) + "\u{20000}" + "y".repeat(500) + ".pdf", "pdf");
    expect(Array.from(long.replace(/\.pdf$/, ""))).toHaveLength(UPLOAD_LIMITS.maxNameChars);
    expect(long).toContain("\u{20000}");
    expect(() => encodeURIComponent(long)).not.toThrow();
  });
  it("never leaves a separator, a control character or a leading dot", () => {
    for (const raw of ["../x", "..\\x", "\u0000", "/", "\\", ".htaccess", "a/b\\c\u202e.d", "\ud800lone.pdf"]) {
      const n = displayName(raw, "pdf");
      expect(n, raw).not.toMatch(/[\\/\u0000-\u001f\u202e]/);
      expect(n.startsWith("."), raw).toBe(false);
      expect(() => encodeURIComponent(n)).not.toThrow();
    }
    expect(nameLabel("../../etc/passwd")).toBe("passwd");
    expect(nameLabel("\u0000")).toBe("The file");
  });
});

describe("download headers", () => {
  it("sends an attachment with an ASCII fallback and the exact UTF-8 name, nosniff, and no inline rendering", () => {
    expect(contentDisposition("política (v2).pdf")).toBe(
      `attachment; filename="politica (v2).pdf"; filename*=UTF-8''pol%C3%ADtica%20%28v2%29.pdf`,
    );
    expect(contentDisposition('合同";x=.pdf')).toBe(`attachment; filename="____x=.pdf"; filename*=UTF-8''%E5%90%88%E5%90%8C%22%3Bx%3D.pdf`);
    expect(contentDisposition("\ud800.pdf")).toContain("filename*=UTF-8''%EF%BF%BD.pdf"); // a lone surrogate cannot throw
    const h = downloadHeaders({ filename: "a.pdf", mime: "application/pdf" }, 10);
    expect(h).toMatchObject({ "Content-Type": "application/pdf", "X-Content-Type-Options": "nosniff", "Content-Length": "10" });
    expect(h["Content-Disposition"]).toMatch(/^attachment;/);
    expect(h["Content-Security-Policy"]).toContain("sandbox");
    // Anything not in the allow list (an old row, a tampered one) is opaque bytes.
    expect(downloadHeaders({ filename: "a.html", mime: "text/html" }, 1)["Content-Type"]).toBe("application/octet-stream");
    expect(downloadHeaders({ filename: "a.svg", mime: "image/svg+xml" }, 1)["Content-Type"]).toBe("application/octet-stream");
  });
});

describe("inspectOfficeArchive", () => {
  it("accepts a small Word package", async () => {
    expect(await inspectOfficeArchive(makeDocx(), "docx")).toBeNull();
  });
  it("refuses path tricks in entry names", async () => {
    for (const name of ["../evil.sh", "word/../../evil", "/etc/cron.d/x", "C:/Windows/x.dll", "word\\..\\x", "word/a\u0000.xml"]) {
      const p = await inspectOfficeArchive(makeDocx([{ name, data: "x" }]), "docx");
      expect(p?.reason, name).toBe("path");
    }
    expect(unsafeEntryName("word/media/image1.png")).toBe(false);
  });
  it("refuses encrypted entries, nested archives, duplicates and unknown compression", async () => {
    expect((await inspectOfficeArchive(makeDocx([{ name: "word/secret.xml", data: "x", flags: 1 }]), "docx"))?.reason).toBe("encrypted");
    expect((await inspectOfficeArchive(makeDocx([{ name: "word/media/payload.zip", data: "x" }]), "docx"))?.reason).toBe("nested");
    expect((await inspectOfficeArchive(makeDocx([{ name: "WORD/DOCUMENT.XML", data: "x" }]), "docx"))?.reason).toBe("duplicate");
    // An embedded workbook is what Word writes: fine.
    expect(await inspectOfficeArchive(makeDocx([{ name: "word/embeddings/sheet.xlsx", data: "x" }]), "docx")).toBeNull();
  });
  it("refuses a package without its content-types part or without the part of its kind", async () => {
    const noTypes = makeZip([{ name: "word/document.xml", data: "<w/>" }]);
    expect((await inspectOfficeArchive(noTypes, "docx"))?.reason).toBe("not_office");
    expect((await inspectOfficeArchive(makeDocx(), "xlsx"))?.reason).toBe("not_office");
  });
  it("accepts an OpenDocument text and refuses one without its content", async () => {
    const odt = (extra: Array<{ name: string; data: string }>) =>
      makeZip([
        { name: "mimetype", data: "application/vnd.oasis.opendocument.text", method: "store" },
        { name: "META-INF/manifest.xml", data: "<manifest/>" },
        ...extra,
      ]);
    expect(await checkUpload({ name: "notes.odt", bytes: odt([{ name: "content.xml", data: "<office:document-content/>" }]) })).toEqual({
      filename: "notes.odt",
      mime: "application/vnd.oasis.opendocument.text",
    });
    expect(await checkUpload({ name: "notes.odt", bytes: odt([]) })).toMatchObject({ status: 415, archive: "not_office" });
  });
  it("refuses more entries than the limit", async () => {
    const many = Array.from({ length: UPLOAD_LIMITS.archive.maxEntries + 1 }, (_, i) => ({
      name: `word/p${i}.xml`,
      data: "",
      method: "store" as const,
    }));
    expect((await inspectOfficeArchive(makeDocx(many), "docx"))?.reason).toBe("entries");
  });
  it("refuses an archive declaring more than the limit unpacked, or compressed far beyond the ratio", async () => {
    const declared = makeDocx([{ name: "word/huge.xml", data: "x", declaredSize: UPLOAD_LIMITS.archive.maxUncompressedBytes + 1 }]);
    expect((await inspectOfficeArchive(declared, "docx"))?.reason).toBe("size");
    const bomb = makeDocx([{ name: "word/zeros.xml", data: new Uint8Array(20 * 1024 * 1024) }]); // ~20 KB → 20 MB
    expect(bomb.length).toBeLessThan(100 * 1024);
    const p = await inspectOfficeArchive(bomb, "docx");
    expect(p?.reason).toBe("ratio");
    expect(p?.detail).toMatch(/100 times/);
  });
  it("refuses an archive whose contents are larger than its directory declares", async () => {
    const liar = makeDocx([{ name: "word/media/a.bin", data: new Uint8Array(512 * 1024).fill(7), declaredSize: 1000 }]);
    expect((await inspectOfficeArchive(liar, "docx"))?.reason).toBe("mismatch");
  });
  it("refuses damaged archives without throwing", async () => {
    const good = makeDocx();
    expect((await inspectOfficeArchive(good.subarray(0, good.length - 10), "docx"))?.reason).toBe("corrupt");
    expect((await inspectOfficeArchive(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "docx"))?.reason).toBe("corrupt");
  });
});

describe("checkUpload", () => {
  const check = (name: string, bytes: Uint8Array) => checkUpload({ name, bytes });
  it("accepts a PDF and a Word package under their real type", async () => {
    expect(await check("../../a.exe", PDF)).toEqual({ filename: "a.pdf", mime: "application/pdf" });
    expect(await check("policy.docx", makeDocx())).toMatchObject({
      filename: "policy.docx",
      mime: expect.stringContaining("wordprocessingml"),
    });
  });
  it("refuses disguised files with 415: HTML, an EXE or a plain zip named .pdf", async () => {
    const html = new TextEncoder().encode("<!doctype html><script>alert(1)</script>");
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0]);
    const zip = makeZip([{ name: "bomb.txt", data: "x" }]);
    for (const bytes of [html, exe, zip]) {
      const r = await check("report.pdf", bytes);
      expect(isRefusal(r) && r.status).toBe(415);
      expect(isRefusal(r) && r.message).toMatch(/^report\.pdf is not accepted: this kind of file cannot be stored\. Please upload a PDF/);
    }
  });
  it("refuses an oversized file with 413, an empty one with 400, and a bad Office package with 415 and the reason", async () => {
    const big = new Uint8Array(UPLOAD_LIMITS.maxBytes + 1);
    big.set(PDF);
    expect(await check("scan.pdf", big)).toMatchObject({ status: 413, code: "too_large" });
    expect(await check("x.pdf", new Uint8Array())).toMatchObject({ status: 400, code: "empty" });
    const r = await check("plan.docx", makeDocx([{ name: "../../x", data: "x" }]));
    expect(r).toMatchObject({ status: 415, code: "archive", archive: "path" });
    expect(isRefusal(r) && r.message).toBe("plan.docx is not accepted: a file inside it has a name that points outside the document.");
  });
});
