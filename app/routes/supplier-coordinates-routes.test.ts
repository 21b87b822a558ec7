// A site's coordinates through the supplier form's routes: range checks and "both or neither" as
// field errors with a 400, and an edit that keeps or changes them (the form posts back what it loaded).
import { expect, it } from "vitest";
import { contextFor, cookieFor, describeEachEngine, get, makeOrg, post, responseOf } from "~/test/support";
import * as create from "./o.$org.suppliers.new";
import * as page from "./o.$org.suppliers.$id._index";
import * as edit from "./o.$org.suppliers.$id.edit";
import { toFormValues, type SupplierFormValues } from "~/schemas/supplier-form";
import type { SupplierRecord } from "~/models/supplier.server";

describeEachEngine("supplier coordinates", (h) => {
  let cookie = "";
  const ctx = () => contextFor(h());
  const params = (extra: Record<string, string> = {}) => ({ org: "geo", ...extra });

  async function setup() {
    if (cookie) return;
    const org = await makeOrg(h(), "geo", [["officer@g.test", "compliance"]]);
    cookie = await cookieFor(h(), org.users["officer@g.test"]!);
  }
  const createVia = (form: Record<string, string>) =>
    responseOf(() => create.action({ request: post("/o/geo/suppliers/new", form, cookie), params: params(), context: ctx() }));
  async function loadEdit(id: number): Promise<SupplierRecord> {
    const r = await responseOf(() =>
      edit.loader({ request: get(`/o/geo/suppliers/${id}/edit`, cookie), params: params({ id: String(id) }), context: ctx() }),
    );
    expect(r.status).toBe(200);
    return ((await r.json()) as { supplier: SupplierRecord }).supplier;
  }
  /** What the edit form posts: every field as a string, the way the browser sends it. */
  function formOf(values: SupplierFormValues): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) {
      if (k === "goods") continue;
      out[k] = v == null ? "" : String(v);
    }
    return out;
  }
  const saveEdit = (id: number, form: Record<string, string>) =>
    responseOf(() =>
      edit.action({ request: post(`/o/geo/suppliers/${id}/edit`, form, cookie), params: params({ id: String(id) }), context: ctx() }),
    );
  const stored = (id: number) =>
    h().db.selectFrom("suppliers").select(["latitude", "longitude", "version"]).where("id", "=", id).executeTakeFirstOrThrow();

  it("answers an out-of-range coordinate with a 400 and a field error, and saves nothing", async () => {
    await setup();
    const r = await createVia({ name: "Far Off Mill", country: "BD", latitude: "91", longitude: "190" });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { fieldErrors: Record<string, string> };
    expect(body.fieldErrors.latitude).toBe("Latitude must be a number from -90 to 90");
    expect(body.fieldErrors.longitude).toBe("Longitude must be a number from -180 to 180");
    const text = await createVia({ name: "Far Off Mill", country: "BD", latitude: "north", longitude: "90.4" });
    expect(text.status).toBe(400);
    expect(((await text.json()) as { fieldErrors: Record<string, string> }).fieldErrors.latitude).toMatch(/from -90 to 90/);
    const rows = await h().db.selectFrom("suppliers").select("id").where("name", "=", "Far Off Mill").execute();
    expect(rows).toEqual([]);
  });

  it("refuses a lone latitude or a lone longitude, naming the missing one", async () => {
    await setup();
    const lat = await createVia({ name: "Half Placed Mill", country: "BD", latitude: "23.8103", longitude: "" });
    expect(lat.status).toBe(400);
    expect(((await lat.json()) as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
      longitude: "Enter the longitude too, or leave both coordinates empty",
    });
    const lng = await createVia({ name: "Half Placed Mill", country: "BD", longitude: "90.4125" });
    expect(lng.status).toBe(400);
    expect(((await lng.json()) as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
      latitude: "Enter the latitude too, or leave both coordinates empty",
    });
  });

  it(
    "creates with coordinates, shows them on the page, keeps them " + "through an edit that leaves them alone, and changes or clears them",
    async () => {
      await setup();
      const r = await createVia({ name: "Dhaka Knit Ltd", country: "BD", latitude: " 23.8103 ", longitude: "90.4125" });
      expect(r.status).toBe(302);
      const id = Number(/\/suppliers\/(\d+)$/.exec(r.headers.get("Location") ?? "")?.[1]);
      expect(await stored(id)).toEqual({ latitude: 23.8103, longitude: 90.4125, version: 1 });

      const shown = await responseOf(() =>
        page.loader({ request: get(`/o/geo/suppliers/${id}`, cookie), params: params({ id: String(id) }), context: ctx() }),
      );
      expect(((await shown.json()) as { supplier: SupplierRecord }).supplier).toMatchObject({ latitude: 23.8103, longitude: 90.4125 });

      // An edit of the name only: the form starts from the stored record, so the coordinates travel back unchanged.
      const loaded = await loadEdit(id);
      const form = formOf(toFormValues(loaded));
      expect(form).toMatchObject({ latitude: "23.8103", longitude: "90.4125" });
      expect((await saveEdit(id, { ...form, name: "Dhaka Knit Limited" })).status).toBe(302);
      expect(await stored(id)).toEqual({ latitude: 23.8103, longitude: 90.4125, version: 2 });

      // Moved to Gazipur.
      expect((await saveEdit(id, { ...formOf(toFormValues(await loadEdit(id))), latitude: "24.0023", longitude: "90.4264" })).status).toBe(
        302,
      );
      expect(await stored(id)).toEqual({ latitude: 24.0023, longitude: 90.4264, version: 3 });

      // A lone coordinate on edit is refused and the stored position stays.
      const lone = await saveEdit(id, { ...formOf(toFormValues(await loadEdit(id))), longitude: "" });
      expect(lone.status).toBe(400);
      expect(((await lone.json()) as { fieldErrors: Record<string, string> }).fieldErrors.longitude).toMatch(/longitude too/);
      expect(await stored(id)).toEqual({ latitude: 24.0023, longitude: 90.4264, version: 3 });

      // Both cleared: the position is no longer known.
      expect((await saveEdit(id, { ...formOf(toFormValues(await loadEdit(id))), latitude: "", longitude: "" })).status).toBe(302);
      expect(await stored(id)).toEqual({ latitude: null, longitude: null, version: 4 });
    },
  );
});
