// A findings file as header + rows of text cells, from CSV (the supplier import's reader) or XLSX
// (exceljs, after the shared upload check has inspected the archive: no zip bombs, no macros), and the
// template offered on the audit page in both formats. Any file we cannot read is a sentence for the
// officer, never an exception.
import ExcelJS from "exceljs";
import { parseSupplierCsv } from "~/domain/csv/parse";
import { neutralizeFormula, toCsv } from "~/domain/csv/serialize";
import { sniffFileType } from "~/domain/file-types";
import { FINDING_COLUMNS, FINDING_LIMITS, TEMPLATE_ROWS } from "~/domain/site-audit/findings";
import { checkUpload, isRefusal } from "./check.server";

export const FINDINGS_FILE_MAX_BYTES = 2 * 1024 * 1024;

export type SheetRows = { ok: true; headers: string[]; rows: { line: number; cells: string[] }[] } | { ok: false; message: string };

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("result" in v) return v.result === undefined || v.result === null ? "" : String(v.result);
    return "";
  }
  return String(v);
}

async function readXlsx(bytes: Uint8Array): Promise<SheetRows> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: "The workbook could not be read. Save it again as .xlsx (or as CSV) and upload it again." };
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.rowCount === 0) return { ok: false, message: "The workbook's first sheet is empty. Start from the template." };
  if (ws.rowCount > FINDING_LIMITS.maxRows + 1) {
    return { ok: false, message: `A file may hold at most ${FINDING_LIMITS.maxRows} findings.` };
  }
  const width = Math.min(ws.columnCount, 50);
  const lines: { line: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
    lines.push({ line, cells });
  });
  const [header, ...rows] = lines;
  if (!header) return { ok: false, message: "The workbook's first sheet is empty. Start from the template." };
  return { ok: true, headers: header.cells, rows };
}

/** The rows of an uploaded findings file (CSV or XLSX), or why it cannot be read. */
export async function readFindingsSheet(file: { name: string; bytes: Uint8Array }): Promise<SheetRows> {
  if (file.bytes.length === 0) return { ok: false, message: "The file is empty. Choose the filled-in template." };
  if (file.bytes.length > FINDINGS_FILE_MAX_BYTES) {
    return { ok: false, message: `The file is larger than ${FINDINGS_FILE_MAX_BYTES / 1024 / 1024} MB: a findings file is much smaller.` };
  }
  const type = sniffFileType(file.bytes.subarray(0, 64 * 1024));
  if (type?.ext === "xlsx") {
    const checked = await checkUpload(file);
    if (isRefusal(checked)) return { ok: false, message: checked.message };
    return readXlsx(file.bytes);
  }
  if (type && type.ext !== "txt" && type.ext !== "csv") {
    return { ok: false, message: `This is a ${type.ext.toUpperCase()} file: upload the findings as CSV or XLSX (see the template).` };
  }
  const parsed = parseSupplierCsv(file.bytes, { maxRows: FINDING_LIMITS.maxRows, maxBytes: FINDINGS_FILE_MAX_BYTES });
  if (!parsed.ok) return { ok: false, message: parsed.error };
  return { ok: true, headers: parsed.headers, rows: parsed.rows.map((r) => ({ line: r.line, cells: r.cells })) };
}

export function findingsTemplateCsv(): string {
  return toCsv(FINDING_COLUMNS, TEMPLATE_ROWS, { bom: true });
}

export async function findingsTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Findings");
  ws.addRow([...FINDING_COLUMNS]);
  for (const r of TEMPLATE_ROWS) ws.addRow(r.map(neutralizeFormula));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 40));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
