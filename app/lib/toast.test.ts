import { describe, expect, it } from "vitest";
import { readToast, redirectWithToast, toastCookie } from "./toast.server";

const requestWith = (setCookie: string) => new Request("http://x/", { headers: { Cookie: setCookie.split(";")[0]! } });

describe("toast", () => {
  it("travels from a redirect to the next request, once", async () => {
    const res = redirectWithToast("/o/acme/suppliers", "Supplier saved", { headers: { "Set-Cookie": "other=1" } });
    expect(res.status).toBe(302);
    const cookies = res.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    const { toast, clear } = readToast(requestWith(cookies[1]!));
    expect(toast).toEqual({ kind: "success", message: "Supplier saved" });
    expect(clear).toMatch(/Max-Age=0/);
  });

  it("ignores a cookie that is not a toast, and clears it", () => {
    const forged = toastCookie("x").replace(/=[^;]+;/, "=bm90IGpzb24;");
    expect(readToast(requestWith(forged))).toEqual({ toast: null, clear: expect.stringMatching(/Max-Age=0/) });
    const tooLong = toastCookie({ kind: "info", message: "y".repeat(300) }).replace(
      /=[^;]+;/,
      `=${Buffer.from(JSON.stringify({ message: "z".repeat(301) })).toString("base64url")};`,
    );
    expect(readToast(requestWith(tooLong)).toast).toBeNull();
    expect(readToast(new Request("http://x/")).clear).toBeNull();
  });
});
