// Waits for a background methodology preview (large tenants) and shows its band moves when done.
import { useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import { BandMoves, type PreviewData } from "./methodology-summary";

type Status = { state: "pending"; since: string } | { state: "done"; preview: PreviewData } | { state: "failed"; error: string };

export function PreviewPoller({ orgSlug, jobId }: { orgSlug: string; jobId: number }) {
  const fetcher = useFetcher<Status>();
  const url = `/o/${orgSlug}/settings/methodology/preview/${jobId}`;
  const state = fetcher.data?.state;
  useEffect(() => {
    if (state === "done" || state === "failed") return;
    const t = setTimeout(() => fetcher.load(url), fetcher.data ? 1000 : 0);
    return () => clearTimeout(t);
    // fetcher.load is stable enough; re-run when a new answer arrives
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, url, fetcher.data]);
  if (fetcher.data?.state === "done") return <BandMoves preview={fetcher.data.preview} orgSlug={orgSlug} />;
  if (fetcher.data?.state === "failed") {
    return (
      <div className="alert error" role="alert">
        The preview failed: {fetcher.data.error}
      </div>
    );
  }
  return (
    <section className="card methodology-preview" role="status" aria-live="polite">
      <h2>Preview: computing…</h2>
      <p className="muted">
        Every supplier is being scored with these settings in the background; the result appears here in a few seconds. Nothing is saved.
      </p>
    </section>
  );
}
