// Goods as chips: type (with the TVPRA list as suggestions), press Enter or "Add"; ✕ removes.
// The list travels as repeated hidden inputs named `goods`, so the plain form post carries it.
// Goods not on the TVPRA list are allowed (the list is not exhaustive) and marked as such.
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { tvpraGoodsForSectorWord } from "~/domain/risk/sector-goods";

/** Why a chip is marked: off the list, or a sector the list names otherwise ("Apparel": "the list says Garments"). */
function offListNote(good: string): string {
  const listed = tvpraGoodsForSectorWord(good);
  return listed ? `a sector: the TVPRA list says ${listed.join(" or ")}` : "not on the TVPRA list";
}

interface Props {
  value: string[];
  onChange(next: string[]): void;
  /** The TVPRA list's goods names (suggestions, and how "on the list" is decided). */
  suggestions: string[];
  error?: string;
  max?: number;
}

export function GoodsPicker({ value, onChange, suggestions, error, max = 50 }: Props) {
  const id = useId();
  const [text, setText] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const known = useMemo(() => new Map(suggestions.map((g) => [g.toLowerCase(), g])), [suggestions]);

  const add = () => {
    const raw = text.trim().replace(/\s+/g, " ");
    if (!raw) return;
    // Use the list's own spelling when the typed name matches it (case-insensitively).
    const good = known.get(raw.toLowerCase()) ?? raw;
    if (value.some((g) => g.toLowerCase() === good.toLowerCase())) {
      setNote(`${good} is already in the list.`);
    } else if (value.length >= max) {
      setNote(`At most ${max} goods.`);
    } else if (good.length > 100) {
      setNote("A good's name is at most 100 characters.");
    } else {
      onChange([...value, good]);
      setNote(`Added ${good}.`);
    }
    setText("");
  };
  const remove = (good: string) => {
    onChange(value.filter((g) => g !== good));
    setNote(`Removed ${good}.`);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault(); // Enter adds the good; it must not submit the whole form
      add();
    }
  };

  return (
    <fieldset className={`field goods-picker${error ? " has-error" : ""}`}>
      <legend>Goods</legend>
      <p className="hint" id={`${id}-hint`}>
        What this supplier makes or supplies. Suggestions come from the US Department of Labor TVPRA list of goods.
      </p>
      {value.length ? (
        <ul className="chips" aria-label="Goods added">
          {value.map((g) => (
            <li key={g} className="chip">
              <span>{g}</span>
              {known.has(g.toLowerCase()) ? null : <span className="chip-note">{offListNote(g)}</span>}
              <button type="button" className="chip-remove" onClick={() => remove(g)} aria-label={`Remove ${g}`}>
                ✕
              </button>
              <input type="hidden" name="goods" value={g} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No goods yet.</p>
      )}
      <div className="inline-form">
        <label htmlFor={`${id}-input`} className="sr-only">
          Add a good
        </label>
        <input
          id={`${id}-input`}
          list={`${id}-list`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="e.g. Cotton"
          maxLength={100}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
        />
        <datalist id={`${id}-list`}>
          {suggestions.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <button type="button" className="button secondary small" onClick={add}>
          Add
        </button>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {note ?? ""}
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
