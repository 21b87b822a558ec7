// The product page's tracing panels: the bill of materials as an indented tree (with each input's
// edit and remove forms for editors), what the pack will say (gaps, regulators' flags, origins,
// warnings where the BOM and the supplier graph disagree), the download form with its optional
// shipment, and the packs made so far with their ZIP's SHA-256.
import { Form } from "@remix-run/react";
import type { PackDocument } from "~/domain/tracing/pack";
import { BomItemForm, type ItemDefaults } from "./product-forms";

export interface TreeRow extends ItemDefaults {
  level: number;
  supplierName: string | null;
}

interface TreeProps {
  orgSlug: string;
  rows: readonly TreeRow[];
  suppliers: ReadonlyArray<{ value: number; label: string }>;
  mayEdit: boolean;
}

/** What an input may go into: any input that is not raw and not the input itself or one of its own inputs. */
function parentsFor(rows: readonly TreeRow[], item: TreeRow | null) {
  const excluded = new Set<number>();
  if (item) {
    excluded.add(item.id);
    for (let grew = true; grew;) {
      grew = false;
      for (const r of rows) if (r.parentId !== null && excluded.has(r.parentId) && !excluded.has(r.id)) grew = Boolean(excluded.add(r.id));
    }
  }
  return rows
    .filter((r) => !r.isRaw && !excluded.has(r.id))
    .map((r) => ({ value: r.id, label: `${"— ".repeat(r.level - 1)}${r.material}` }));
}

function originLabel(r: TreeRow): string {
  const o = r.origin;
  const parts = [o.country, o.subdivision, o.region].filter(Boolean);
  return parts.length ? parts.join(", ") : "origin unknown";
}

export function BomTree({ orgSlug, rows, suppliers, mayEdit }: TreeProps) {
  return (
    <section className="card" aria-labelledby="bom-h">
      <h2 id="bom-h">Bill of materials</h2>
      {rows.length === 0 ? (
        <p className="muted">No inputs recorded yet. Start with what the final manufacturer buys to make the product.</p>
      ) : null}
      <ul className="bom-tree">
        {rows.map((r) => (
          <li key={r.id} style={{ marginInlineStart: `${(r.level - 1) * 1.25}rem` }} data-level={r.level}>
            <span className="bom-material">{r.material}</span>
            {" — "}
            <span className={r.supplierName ? "" : "bom-unknown"}>{r.supplierName ?? "supplier not known"}</span>
            {r.isRaw ? (
              <span className={originLabel(r) === "origin unknown" ? "bom-unknown" : "muted"}>
                {" · raw material, "}
                {originLabel(r)}
              </span>
            ) : null}
            {mayEdit ? (
              <details className="bom-edit">
                <summary>
                  Edit<span className="sr-only"> {r.material}</span>
                </summary>
                <BomItemForm orgSlug={orgSlug} parents={parentsFor(rows, r)} suppliers={suppliers} item={r} />
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove-item" />
                  <input type="hidden" name="itemId" value={r.id} />
                  <button type="submit" className="button danger secondary">
                    Remove {r.material} and its inputs
                  </button>
                </Form>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      {mayEdit ? (
        <details className="bom-add" open={rows.length === 0}>
          <summary>Add an input</summary>
          <BomItemForm orgSlug={orgSlug} parents={parentsFor(rows, null)} suppliers={suppliers} />
        </details>
      ) : null}
    </section>
  );
}

export function TracePreview({ doc }: { doc: PackDocument }) {
  return (
    <section className="card" aria-labelledby="trace-h">
      <h2 id="trace-h">What the tracing pack says</h2>
      <p>
        {doc.summary.suppliers} supplier(s) in the chain, {doc.summary.rawMaterials} raw material(s), {doc.summary.originsKnown} with a
        known origin.
      </p>
      <h3>Gaps</h3>
      {doc.gaps.length ? (
        <ul className="trace-gaps">
          {doc.gaps.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">None: every input has a supplier, every raw material an origin, every supplier an assessment in force.</p>
      )}
      <h3>Regions and goods regulators single out</h3>
      {doc.regionFlags.length + doc.goodsFlags.length === 0 ? (
        <p className="muted">None of the recorded origins or goods is listed.</p>
      ) : null}
      <ul>
        {doc.regionFlags.map((r, i) => (
          <li key={`r${i}`} className="trace-flag">
            <strong>{r.region}</strong>: {r.where}. {r.instrument}.
          </li>
        ))}
        {doc.goodsFlags.map((g, i) => (
          <li key={`g${i}`}>
            {g.where}: {g.good} from {g.country}, TVPRA list for {g.kinds} ({g.year}).
          </li>
        ))}
      </ul>
      <h3>Screening against regulators&apos; lists</h3>
      {doc.screening.length === 0 ? (
        <p className="muted">No supplier in this chain matches an entry of the lists Lantern holds.</p>
      ) : (
        <ul>
          {doc.screening.map((s, i) => (
            <li key={`s${i}`} className={s.status === "confirmed" ? "trace-flag" : undefined}>
              {s.supplier}: {s.entryName} on {s.list} (
              {s.status === "confirmed" ? <strong>confirmed match</strong> : "possible match, not yet reviewed by an officer"}).
            </li>
          ))}
        </ul>
      )}
      {doc.screeningCoverage.some((c) => c.partial) ? (
        <p className="small muted">
          Partial lists:{" "}
          {doc.screeningCoverage
            .filter((c) => c.partial)
            .map((c) => c.list)
            .join(", ")}
          . A supplier that matches nothing on them is not cleared.
        </p>
      ) : null}
      <h3>Origins of raw materials</h3>
      {doc.origins.length === 0 ? <p className="muted">No raw materials recorded.</p> : null}
      <ul>
        {doc.origins.map((o, i) => (
          <li key={i}>
            {o.material} ({o.supplier}): {o.bom}
            {o.answered ? `; the supplier answered: ${o.answered}` : ""}
            {o.differ ? " (they differ)" : ""}
          </li>
        ))}
      </ul>
      {doc.warnings.length ? (
        <>
          <h3>Where the bill of materials and the supplier graph disagree</h3>
          <ul className="trace-warnings">
            {doc.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

type PackRow = { id: number; shipment_ref: string | null; created_at: string; created_by_label: string; zip_sha256: string; gaps: number };

export function PackPanel({ action, packs, mayMake }: { action: string; packs: readonly PackRow[]; mayMake: boolean }) {
  return (
    <section className="card" aria-labelledby="pack-h">
      <h2 id="pack-h">Tracing pack</h2>
      <p className="muted">
        One ZIP: the report as a PDF, copies of the evidence files, and a manifest with the SHA-256 of every file. Give a shipment to make
        the pack for it (all optional).
      </p>
      {mayMake ? null : <p>Packs are made by admins and compliance officers; the list below shows those made so far.</p>}
      {mayMake ? (
        <Form method="post" action={action} reloadDocument className="form pack-form">
          <div className="field">
            <label htmlFor="pack-ref">Shipment reference</label>
            <input id="pack-ref" name="shipmentRef" maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor="pack-date">Shipment date</label>
            <input id="pack-date" name="shipmentDate" type="date" />
          </div>
          <div className="field">
            <label htmlFor="pack-qty">Quantity</label>
            <input id="pack-qty" name="quantity" maxLength={100} placeholder="e.g. 12,000 pieces" />
          </div>
          <button type="submit" className="button">
            Download tracing pack
          </button>
        </Form>
      ) : null}
      {packs.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Packs made">
          <table className="table">
            <caption className="sr-only">Tracing packs made for this product</caption>
            <thead>
              <tr>
                <th scope="col">Made</th>
                <th scope="col">By</th>
                <th scope="col">Shipment</th>
                <th scope="col">Gaps</th>
                <th scope="col">ZIP SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {packs.map((p) => (
                <tr key={p.id}>
                  <td className="nowrap">{p.created_at.replace("T", " ").slice(0, 16)}</td>
                  <td>{p.created_by_label}</td>
                  <td>{p.shipment_ref ?? <span className="muted">—</span>}</td>
                  <td>{p.gaps}</td>
                  <td>
                    <code title={p.zip_sha256}>{p.zip_sha256.slice(0, 16)}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
