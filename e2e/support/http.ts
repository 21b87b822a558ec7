// Plain form posts as the signed-in user of a page (its cookies, a same-origin Origin header, no
// redirect followed), and the small things the specs that set data up that way share.
import { expect, type Page } from "@playwright/test";
import { BASE_URL } from "./env";

/** Posts a form (repeated keys: pass URLSearchParams) and expects `expected`; returns the response. */
export async function postForm(page: Page, url: string, form: URLSearchParams | Record<string, string>, expected = 200) {
  const res =
    form instanceof URLSearchParams
      ? await page.request.post(url, {
          data: form.toString(),
          headers: { Origin: BASE_URL, "Content-Type": "application/x-www-form-urlencoded" },
          maxRedirects: 0,
        })
      : await page.request.post(url, { form, headers: { Origin: BASE_URL }, maxRedirects: 0 });
  expect(res.status(), `${url}: ${await res.text()}`).toBe(expected);
  return res;
}

/** A short suffix that makes a name or address new on every run. */
export const uniqueSuffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The smallest valid PDF: an evidence file the upload check accepts. */
export const TINY_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
