// The pieces of the statement pages: the status badge, the sections with their figures (each a link
// to what it was counted from), last year's figures beside this year's, and the list of figure tokens.
import type { FigureSource } from "~/domain/statement/types";

const STATUS_LABELS: Record<string, string> = { draft: "Draft", approved: "Approved", published: "Published" };

export function StatusBadge({ status }: { status: string }) {
  return <span className={`statement-status statement-status-${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}

type Segment = { kind: "text"; text: string } | { kind: "figure"; key: string; text: string; source: FigureSource; href?: string };

export interface SectionView {
  key: string;
  heading: string;
  guidance: string;
  group: string | null;
  text: string;
  paragraphs: Segment[][];
}

export function SectionBody({ section }: { section: SectionView }) {
  if (section.paragraphs.length === 0) return <p className="muted">This section is empty.</p>;
  return (
    <>
      {section.paragraphs.map((p, i) => (
        <p key={i}>
          {p.map((seg, j) =>
            seg.kind === "figure" && seg.href ? (
              <a key={j} href={seg.href} className="statement-figure" data-figure={seg.key} title={`Source of this figure (${seg.key})`}>
                {seg.text}
              </a>
            ) : (
              <span key={j}>{seg.text}</span>
            ),
          )}
        </p>
      ))}
    </>
  );
}

/** Sections in order, with a group heading (e.g. Canada's questionnaire) before its first section. */
export function SectionList({ sections, level = 2 }: { sections: SectionView[]; level?: 2 | 3 }) {
  const H = level === 2 ? "h2" : "h3";
  return (
    <>
      {sections.map((s, i) => (
        <section key={s.key} className="statement-section" aria-labelledby={`sec-${s.key}`}>
          {s.group && s.group !== sections[i - 1]?.group ? <h2 className="statement-group">{s.group}</h2> : null}
          <H id={`sec-${s.key}`}>{s.heading}</H>
          <SectionBody section={s} />
        </section>
      ))}
    </>
  );
}

export function Comparison({
  comparison,
  year,
  slug,
}: {
  comparison: {
    year: number;
    from: "approved" | "live";
    statementId: number | null;
    rows: Array<{ key: string; label: string; now: string; before: string }>;
  };
  year: number;
  slug: string;
}) {
  return (
    <section className="card" aria-labelledby="compare-h">
      <h2 id="compare-h">
        {year} beside {comparison.year}
      </h2>
      <p className="muted small">
        {comparison.from === "approved" && comparison.statementId !== null ? (
          <>
            {comparison.year}: the frozen figures of its <a href={`/o/${slug}/statements/${comparison.statementId}`}>approved statement</a>.
          </>
        ) : (
          <>{comparison.year}: no approved statement of this law, so computed now from the data.</>
        )}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Figures of both years">
        <table className="table statement-compare">
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" className="num">
                {year}
              </th>
              <th scope="col" className="num">
                {comparison.year}
                {comparison.from === "live" ? " (computed now)" : ""}
              </th>
            </tr>
          </thead>
          <tbody>
            {comparison.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td className="num">{r.now}</td>
                <td className="num">{r.before}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function TokenHelp({ catalogue }: { catalogue: Array<{ key: string; label: string; token: string }> }) {
  return (
    <details className="statement-tokens">
      <summary>Figures you can use in the text</summary>
      <p className="muted small">Write a token where the figure should stand; it prints the figure and links to its source.</p>
      <dl>
        {catalogue.map((c) => (
          <div key={c.key}>
            <dt>
              <code>{c.token}</code>
            </dt>
            <dd>{c.label}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
