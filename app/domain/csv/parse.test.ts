import { describe, expect, it } from "vitest";
import { columnLetter, parseSupplierCsv, type ParseCsvResult, type ParsedCsv } from "./parse";
import { detectDelimiter } from "~/domain/csv/records";
import { formatSize } from "~/domain/csv/decode";

function ok(result: ParseCsvResult): ParsedCsv {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result;
}

function err(result: ParseCsvResult): string {
  if (result.ok) throw new Error("expected a file error");
  return result.error;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("parseSupplierCsv: records and line numbers", () => {
  it("reads quoted fields with commas, doubled quotes and embedded newlines, keeping line numbers right", () => {
    const text = [
      "external_ref,name,notes",
      'V-1,"Acme, Inc.",plain',
      'V-2,"Saigon ""Best"" Garments","first line',
      "second line",
      'third line"',
      "V-3,Third,after the multi-line cell",
      '"V-4" , "Spaced" ,x',
    ].join("\n");
    const r = ok(parseSupplierCsv(text));
    expect(r.headers).toEqual(["external_ref", "name", "notes"]);
    expect(r.delimiter).toBe(",");
    expect(r.rows).toEqual([
      { line: 2, cells: ["V-1", "Acme, Inc.", "plain"] },
      { line: 3, cells: ["V-2", 'Saigon "Best" Garments', "first line\nsecond line\nthird line"] },
      { line: 6, cells: ["V-3", "Third", "after the multi-line cell"] },
      { line: 7, cells: ["V-4", "Spaced", "x"] },
    ]);
  });

  it("counts CRLF, LF and CR line ends alike and skips blank lines and empty rows", () => {
    const crlf = 'a,b\r\n\r\n1,"x\r\ny"\r\n,,\r\n  ,\r\n2,3\r\n';
    expect(ok(parseSupplierCsv(crlf)).rows).toEqual([
      { line: 3, cells: ["1", "x\r\ny"] },
      { line: 7, cells: ["2", "3"] },
    ]);
    expect(ok(parseSupplierCsv("a,b\r1,2\r\r3,4\r")).rows).toEqual([
      { line: 2, cells: ["1", "2"] },
      { line: 4, cells: ["3", "4"] },
    ]);
  });

  it("trims cells, also inside quotes", () => {
    expect(ok(parseSupplierCsv(' name , country \n  Acme  ,"  CN "\n')).rows[0]?.cells).toEqual(["Acme", "CN"]);
    expect(ok(parseSupplierCsv(' name , country \n  Acme  ,"  CN "\n')).headers).toEqual(["name", "country"]);
  });

  it("strips a UTF-8 BOM (bytes and string)", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("name,country\nAcme,CN\n")]);
    expect(ok(parseSupplierCsv(bytes)).headers).toEqual(["name", "country"]);
    expect(ok(parseSupplierCsv("\ufeffname,country\nAcme,CN\n")).headers).toEqual(["name", "country"]);
  });

  it("reads ';' files from European Excel with decimal commas", () => {
    const r = ok(parseSupplierCsv('name;country;annual_spend\nAcme;DE;1.200.000,50\n"Bär; GmbH";AT;12,5\n'));
    expect(r.delimiter).toBe(";");
    expect(r.rows.map((x) => x.cells)).toEqual([
      ["Acme", "DE", "1.200.000,50"],
      ["Bär; GmbH", "AT", "12,5"],
    ]);
  });

  it("reads tab-separated files", () => {
    const r = ok(parseSupplierCsv('name\tcountry\tnotes\nAcme, Inc.\tUS\t"a\tb"\n'));
    expect(r.delimiter).toBe("\t");
    expect(r.rows[0]?.cells).toEqual(["Acme, Inc.", "US", "a\tb"]);
  });

  it("decodes UTF-16 LE and BE with a BOM", () => {
    const text = "name,country\nĐồng Nai Footwear,VN\n";
    const le = new Uint8Array(2 + text.length * 2);
    const be = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      le[2 + i * 2] = c & 0xff;
      le[3 + i * 2] = c >> 8;
      be[2 + i * 2] = c >> 8;
      be[3 + i * 2] = c & 0xff;
    }
    expect(ok(parseSupplierCsv(le)).rows[0]?.cells).toEqual(["Đồng Nai Footwear", "VN"]);
    expect(ok(parseSupplierCsv(be)).rows[0]?.cells).toEqual(["Đồng Nai Footwear", "VN"]);
  });

  it("returns ragged rows flagged with their real column count, not as a file error", () => {
    const r = ok(parseSupplierCsv("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12,,\n"));
    expect(r.rows).toEqual([
      { line: 2, cells: ["1", "2", "3"] },
      { line: 3, cells: ["4", "5", ""], columnCount: 2 },
      { line: 4, cells: ["6", "7", "8"], columnCount: 4 },
      // Empty trailing cells beyond the header are Excel noise.
      { line: 5, cells: ["10", "11", "12"] },
    ]);
  });

  it("obeys Excel's sep= line and keeps line numbers", () => {
    const r = ok(parseSupplierCsv("sep=;\r\nname;notes\r\nAcme, Inc.;a,b\r\n"));
    expect(r.delimiter).toBe(";");
    expect(r.headerLine).toBe(2);
    expect(r.rows).toEqual([{ line: 3, cells: ["Acme, Inc.", "a,b"] }]);
  });

  it("drops empty trailing header cells", () => {
    expect(ok(parseSupplierCsv("name;country;;\nAcme;CN;;\n")).headers).toEqual(["name", "country"]);
  });
});

describe("parseSupplierCsv: file errors", () => {
  it("rejects Latin-1 bytes with the line and how to save as CSV UTF-8", () => {
    // "name\nCafé" with é as the single Latin-1 byte 0xE9
    const result = parseSupplierCsv(new Uint8Array([...utf8("name\n"), 0x43, 0x61, 0x66, 0xe9]));
    expect(result).toMatchObject({ ok: false, line: 2 });
    expect(err(result)).toMatch(/not UTF-8/);
    expect(err(result)).toMatch(/CSV UTF-8/);
    expect(err(result)).toMatch(/0xE9/);
  });

  it("recognises Excel workbooks and NUL bytes", () => {
    expect(err(parseSupplierCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).toMatch(/Excel workbook \(\.xlsx\)/);
    expect(err(parseSupplierCsv(new Uint8Array([0x6e, 0, 0x61, 0])))).toMatch(/NUL bytes/);
  });

  it("rejects empty and header-only files", () => {
    expect(err(parseSupplierCsv(""))).toBe("The file is empty.");
    expect(err(parseSupplierCsv(new Uint8Array()))).toBe("The file is empty.");
    expect(err(parseSupplierCsv(" \n\r\n\n"))).toBe("The file is empty.");
    expect(err(parseSupplierCsv(new Uint8Array([0xef, 0xbb, 0xbf])))).toBe("The file is empty.");
    expect(parseSupplierCsv("name,country\n\n")).toEqual({ ok: false, error: "The file has a header row but no supplier rows.", line: 1 });
  });

  it("rejects blank, duplicate and data-looking header names", () => {
    expect(err(parseSupplierCsv("name,,country\nA,x,CN\n"))).toMatch(/Column B \(number 2\) has no name/);
    expect(err(parseSupplierCsv(",,\nA,x,CN\n"))).toMatch(/must hold the column names/);
    expect(err(parseSupplierCsv("Name,country,name \nA,CN,B\n"))).toBe(
      'Columns A and C are both called "Name" / "name". Rename or delete one of them.',
    );
    expect(err(parseSupplierCsv("Acme,CN,jane@acme.com\nB,CN,x@y.com\n"))).toMatch(/looks like data \("jane@acme.com"\)/);
  });

  it("rejects files over the size limit with both sizes", () => {
    expect(err(parseSupplierCsv(new Uint8Array(210 * 1024 * 1024)))).toBe("The file is 210 MB; the limit is 50 MB.");
    expect(err(parseSupplierCsv("name,country\nAcme,CN\n", { maxBytes: 10 }))).toBe("The file is 21 bytes; the limit is 10 bytes.");
    // The limit counts UTF-8 bytes, not characters.
    expect(parseSupplierCsv("n\néé", { maxBytes: 6 }).ok).toBe(true);
    expect(err(parseSupplierCsv("n\nééé", { maxBytes: 6 }))).toBe("The file is 8 bytes; the limit is 6 bytes.");
  });

  it("rejects too many rows without reading the whole file", () => {
    const text = "name,country\n" + "Acme,CN\n".repeat(1001);
    expect(err(parseSupplierCsv(text, { maxRows: 1000 }))).toBe(
      "The file has more than 1,000 supplier rows, the most one import accepts. Split it into several files.",
    );
    expect(ok(parseSupplierCsv(text, { maxRows: 1001 })).rows).toHaveLength(1001);
  });

  it("names the line of a malformed quote", () => {
    const lines = ["name,country", "A,CN", '"multi', 'line",CN', 'B,x"y'];
    expect(parseSupplierCsv(lines.join("\n"))).toMatchObject({ ok: false, line: 5 });
    expect(err(parseSupplierCsv(lines.join("\n")))).toMatch(/^Line 5, column 2: a quote/);
    expect(parseSupplierCsv('name,country\nA,"CN"x\n')).toMatchObject({ ok: false, line: 2 });
    expect(err(parseSupplierCsv('name,country\nA,"CN"x\n'))).toMatch(/^Line 2, column 2: a quoted cell is followed by other text/);
    expect(err(parseSupplierCsv('name,country\nA,CN\nB,"CN\nC,DE\n'))).toMatch(/^Line 3: a quoted cell .* is never closed/);
    // The line of the opening quote, also when an earlier cell of the record spans lines.
    expect(parseSupplierCsv('name,notes,x\nA,"1\n2","open\nB,x,y\n')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Line 3: a quoted cell \(column 3\)/),
      line: 3,
    });
    // CRLF files: a CRLF inside quotes is one line break.
    const crlf = 'name,notes\r\nA,"x\r\ny\r\nz"\r\nB,"bad"x\r\n';
    expect(parseSupplierCsv(crlf)).toMatchObject({ ok: false, line: 5 });
  });
});

describe("detectDelimiter", () => {
  it("counts outside quotes and prefers ',' on ties", () => {
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
    expect(detectDelimiter("a;b,c;d\n")).toBe(";");
    expect(detectDelimiter("a\tb\tc,d\n")).toBe("\t");
    expect(detectDelimiter("name\n")).toBe(",");
    expect(detectDelimiter("\n\n a;b\n")).toBe(";");
  });
});

describe("helpers", () => {
  it("formats sizes and column letters", () => {
    expect(formatSize(50 * 1024 * 1024)).toBe("50 MB");
    expect(formatSize(3.5 * 1024 * 1024)).toBe("3.5 MB");
    expect(formatSize(2048)).toBe("2.0 KB");
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});

describe("parseSupplierCsv: generated files", () => {
  // Deterministic pseudo-random generator so failures reproduce.
  function rng(seed: number) {
    let s = seed >>> 0;
    return () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  const PIECES = ["a", "Acme", " ", "  x ", "1,5", "é", "ü", '"', '""', ",", ";", "\t", "\n", "\r\n", "''", "=1", "Ω", ""];

  /** A cell as a spreadsheet or a careful hand would write it, with optional spaces around quotes. */
  function writeCell(rand: () => number, value: string, delim: string): string {
    const breaks = value.includes("\n") || value.includes("\r");
    const needsQuotes = value.includes('"') || value.includes(delim) || breaks || /^\s|\s$/.test(value);
    if (!needsQuotes && rand() < 0.8) return value;
    // Spaces before the opening quote are accepted only when the cell holds no delimiter or line break.
    const lead = !value.includes(delim) && !breaks && rand() < 0.2 ? " " : "";
    return `${lead}"${value.replace(/"/g, '""')}"${rand() < 0.2 ? " " : ""}`;
  }

  it("reads 300 generated well-formed files: cells, line numbers, ragged rows, blank rows", () => {
    const rand = rng(42);
    for (let f = 0; f < 300; f++) {
      const delim = [",", ";", "\t"][f % 3] as string;
      const eol = f % 2 === 0 ? "\n" : "\r\n";
      // At least two columns, so the header shows the delimiter.
      const cols = 2 + Math.floor(rand() * 4);
      const headers = Array.from({ length: cols }, (_, i) => `h${i}`);
      let text = headers.join(delim);
      let line = 1;
      const expected: Array<{ line: number; cells: string[]; columnCount?: number }> = [];
      const rows = Math.floor(rand() * 8);
      for (let r = 0; r < rows; r++) {
        const n = rand() < 0.9 ? cols : 1 + Math.floor(rand() * (cols + 2));
        const values = Array.from({ length: n }, () => {
          let v = "";
          for (let k = Math.floor(rand() * 4); k > 0; k--) v += PIECES[Math.floor(rand() * PIECES.length)];
          return v;
        });
        text += eol;
        line++;
        const start = line;
        const written = values.map((v) => writeCell(rand, v, delim)).join(delim);
        text += written;
        line += written.split("\n").length - 1;
        const cells = values.map((v) => v.trim());
        if (rand() < 0.1) {
          text += eol;
          line++;
        }
        if (cells.every((c) => c === "")) continue;
        let count = cells.length;
        while (count > cols && cells[count - 1] === "") count--;
        const shaped = cells.slice(0, Math.min(count, cols));
        while (shaped.length < cols) shaped.push("");
        expected.push(count === cols ? { line: start, cells: shaped } : { line: start, cells: shaped, columnCount: count });
      }
      if (rand() < 0.5) text += eol;
      const result = parseSupplierCsv(text);
      if (expected.length === 0) {
        expect(result, JSON.stringify(text)).toEqual({ ok: false, error: "The file has a header row but no supplier rows.", line: 1 });
        continue;
      }
      expect(result, JSON.stringify(text)).toEqual({ ok: true, headers, rows: expected, delimiter: delim, headerLine: 1 });
    }
  });

  it("never throws on 2,000 generated files with stray quotes, and names a line of the file on errors", () => {
    const rand = rng(9);
    const BITS = ["a", " ", '"', '""', ",", ";", "\n", "\r\n", "\t", "x y", "é"];
    for (let f = 0; f < 2000; f++) {
      let body = "";
      const n = Math.floor(rand() * 30);
      for (let i = 0; i < n; i++) body += BITS[Math.floor(rand() * BITS.length)];
      const text = `h1,h2\n${body}`;
      const lines = text.split("\n").length;
      const result = parseSupplierCsv(text);
      if (result.ok) {
        for (const row of result.rows) expect(row.line, JSON.stringify(text)).toBeLessThanOrEqual(lines);
      } else if (result.line !== undefined) {
        expect(result.line, JSON.stringify(text)).toBeGreaterThanOrEqual(1);
        expect(result.line, JSON.stringify(text)).toBeLessThanOrEqual(lines);
        expect(result.error, JSON.stringify(text)).toMatch(new RegExp(`^(Line ${result.line}\\b|The file has)`));
      }
    }
  });

  it("reports malformed quotes with line and column", () => {
    const cases: Array<[string, RegExp, number]> = [
      ['h\n"a', /^Line 2: a quoted cell \(column 1\) starts with " and is never closed/, 2],
      ['h,i\na"b,c', /^Line 2, column 1: a quote \(""?\) appears inside a cell that does not start with one/, 2],
      ['h,i\n"a"b,c', /^Line 2, column 1: a quoted cell is followed by other text/, 2],
      ['h\n"a""', /^Line 2: a quoted cell .* is never closed/, 2],
      ['h,i\nx,y\n" a " z,1', /^Line 3, column 1: a quoted cell is followed by other text/, 3],
      ['h,i\r\nx,y\r\n\r\nz,"1\r\n2"\r\nw,v"\r\n', /^Line 6, column 2: a quote/, 6],
    ];
    for (const [text, message, line] of cases) {
      const result = parseSupplierCsv(text);
      expect(result, text).toMatchObject({ ok: false, line });
      expect(err(result), text).toMatch(message);
    }
  });
});

describe("parseSupplierCsv: edge cases of the PapaParse engine", () => {
  it("accepts spaces around a quoted cell, unless the cell holds a delimiter or a line break", () => {
    expect(ok(parseSupplierCsv('name,notes\n  "Acme ""A"" Ltd" , "x" \n')).rows[0]?.cells).toEqual(['Acme "A" Ltd', "x"]);
    expect(parseSupplierCsv('name,notes\nA, "12 Main St, Springfield" \n')).toMatchObject({
      ok: false,
      line: 2,
      error: expect.stringMatching(/^Line 2, column 2: a quoted cell has spaces before its opening quote/),
    });
    expect(parseSupplierCsv('name,notes\nA, "two\nlines"\n')).toMatchObject({ ok: false, line: 2 });
  });

  it("skips whitespace-only lines before the header", () => {
    const r = ok(parseSupplierCsv("  \n\t\r\nname,country\nAcme,CN\n"));
    expect(r.headerLine).toBe(3);
    expect(r.rows).toEqual([{ line: 4, cells: ["Acme", "CN"] }]);
  });

  it("splits files that mix CRLF and LF line ends", () => {
    expect(ok(parseSupplierCsv('name,notes\r\nA,"x"\nB,y\r\nC,"z"\r\n')).rows).toEqual([
      { line: 2, cells: ["A", "x"] },
      { line: 3, cells: ["B", "y"] },
      { line: 4, cells: ["C", "z"] },
    ]);
  });

  it("keeps trailing tabs of a tab-separated file and accepts spaces after a final closing quote", () => {
    expect(ok(parseSupplierCsv("a\tb\tc\n1\t\t\t")).rows).toEqual([{ line: 2, cells: ["1", "", ""] }]);
    expect(ok(parseSupplierCsv("a\tb\tc\n1\t\t")).rows).toEqual([{ line: 2, cells: ["1", "", ""] }]);
    expect(ok(parseSupplierCsv('a,b\n1,"x" ')).rows).toEqual([{ line: 2, cells: ["1", "x"] }]);
    expect(ok(parseSupplierCsv('a,b\n1,"x" \r\n\r\n')).rows).toEqual([{ line: 2, cells: ["1", "x"] }]);
  });

  it("stops reading at the row limit", () => {
    // The row past the limit is never reached, so the broken quote after it is not reported.
    const text = "name,country\n" + "Acme,CN\n".repeat(3) + 'B,"never closed\n';
    expect(err(parseSupplierCsv(text, { maxRows: 2 }))).toMatch(/more than 2 supplier rows/);
    expect(err(parseSupplierCsv(text, { maxRows: 3 }))).toMatch(/^Line 5: a quoted cell/);
  });
});
