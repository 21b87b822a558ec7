import { describe, expect, it } from "vitest";
import { safeFileName, sniffFileType } from "./file-types";

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("sniffFileType", () => {
  it("recognises documents by their content", () => {
    expect(sniffFileType(bytes("%PDF-1.7\n"))?.ext).toBe("pdf");
    expect(sniffFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "rest"))?.ext).toBe("png");
    expect(sniffFileType(bytes([0xff, 0xd8, 0xff, 0xe0]))?.ext).toBe("jpg");
    expect(sniffFileType(bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "))?.ext).toBe("webp");
    expect(sniffFileType(bytes([0x50, 0x4b, 0x03, 0x04], "x".repeat(26), "[Content_Types].xml...word/document.xml"))?.ext).toBe("docx");
    expect(sniffFileType(bytes([0x50, 0x4b, 0x03, 0x04], "x".repeat(26), "[Content_Types].xml...xl/workbook.xml"))?.ext).toBe("xlsx");
    expect(sniffFileType(bytes([0x50, 0x4b, 0x03, 0x04], "y".repeat(26), "mimetypeapplication/vnd.oasis.opendocument.text"))?.ext).toBe(
      "odt",
    );
  });
  it("refuses disguised and unknown content", () => {
    expect(sniffFileType(bytes("<script>alert(1)</script>"))).toBeNull(); // an HTML page named .pdf
    expect(sniffFileType(bytes("MZ", [0x90, 0]))).toBeNull(); // a Windows executable
    expect(sniffFileType(bytes([0x50, 0x4b, 0x03, 0x04], "x".repeat(26), "bomb.txt"))).toBeNull(); // a plain zip
    expect(sniffFileType(bytes([0x1f, 0x8b, 0x08]))).toBeNull(); // gzip
    expect(sniffFileType(new Uint8Array())).toBeNull();
  });
});

describe("safeFileName", () => {
  it("drops paths and odd characters and uses the sniffed extension", () => {
    expect(safeFileName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(safeFileName("C:\\Users\\x\\policy.exe", "pdf")).toBe("policy.pdf");
    expect(safeFileName("política laboral 2026.PDF", "pdf")).toBe("política laboral 2026.pdf");
    expect(safeFileName('a"b\r\nc<d>.pdf', "pdf")).toBe("a_b_c_d_.pdf");
    expect(safeFileName("...", "png")).toBe("evidence.png");
  });
});
