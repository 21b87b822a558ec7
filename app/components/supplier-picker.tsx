// Find a supplier of this organization by name or reference and choose it. Results come from the
// search resource route (debounced, from 2 characters) and show as radio buttons, so the choice is
// plain form data (`otherId` by default) and the keyboard works as for any radio group:
// type, press ↓ (or Tab) to reach the results, move with the arrow keys.
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { SupplierSearchHit } from "~/schemas/supplier";
import { countryName } from "~/domain/country";
import { plural } from "./format";

interface Props {
  orgSlug: string;
  label: string;
  /** Suppliers that cannot be chosen here (the supplier itself, existing links). */
  exclude?: number[];
  name?: string;
  error?: string;
}

const MIN_CHARS = 2;
const DEBOUNCE_MS = 250;

export function SupplierPicker({ orgSlug, label, exclude = [], name = "otherId", error }: Props) {
  const id = useId();
  const fetcher = useFetcher<SupplierSearchHit[]>();
  const { load } = fetcher;
  const [text, setText] = useState("");
  const [chosen, setChosen] = useState<number | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const q = text.trim();
  const url = `/o/${orgSlug}/suppliers/search?q=${encodeURIComponent(q)}`;

  useEffect(() => {
    if (q.length < MIN_CHARS) return;
    const t = setTimeout(() => load(url), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [q, url, load]);

  const hits = q.length >= MIN_CHARS && Array.isArray(fetcher.data) ? fetcher.data.filter((h) => !exclude.includes(h.id)) : [];
  const busy = fetcher.state === "loading";
  const status =
    q.length < MIN_CHARS
      ? `Type at least ${MIN_CHARS} letters of a name, or a reference.`
      : busy && !hits.length
        ? "Searching…"
        : hits.length
          ? `${hits.length} ${plural(hits.length, "supplier", "suppliers")} found` +
            `${hits.length >= 10 ? " (the first 10; type more to narrow)" : ""}. Choose one below.`
          : fetcher.data
            ? "No supplier found."
            : "Searching…";

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault(); // Enter searches now; the form is submitted with its button once a supplier is chosen
      if (q.length >= MIN_CHARS) load(url);
    } else if (e.key === "ArrowDown") {
      const first = listRef.current?.querySelector<HTMLInputElement>("input[type=radio]:checked, input[type=radio]");
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <div className={`picker field${error ? " has-error" : ""}`}>
      <label htmlFor={`${id}-q`}>{label}</label>
      <input
        id={`${id}-q`}
        type="search"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setChosen(null);
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
        maxLength={200}
        aria-describedby={`${id}-status${error ? ` ${id}-error` : ""}`}
        aria-controls={`${id}-results`}
      />
      <p className="hint" id={`${id}-status`} role="status" aria-live="polite">
        {status}
      </p>
      <div id={`${id}-results`} ref={listRef}>
        {hits.length ? (
          <fieldset className="picker-results">
            <legend className="sr-only">Search results</legend>
            {hits.map((h) => (
              <label key={h.id} className={`picker-option${chosen === h.id ? " chosen" : ""}`}>
                <input type="radio" name={name} value={h.id} checked={chosen === h.id} onChange={() => setChosen(h.id)} />
                <span className="picker-name">{h.name}</span>
                <span className="muted small">
                  {[countryName(h.country), h.tier == null ? "no tier" : `tier ${h.tier}`, h.externalRef].filter(Boolean).join(" · ")}
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
