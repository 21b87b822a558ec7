// The webhook settings' parts: the event checkboxes, the secret shown once, the receiver's
// verification snippet and the delivery log.
import { EVENT_WORDS, WEBHOOK_EVENTS } from "~/domain/webhooks/events";
import { VERIFY_SNIPPET } from "~/domain/webhooks/snippet";
import { CopyOnceLink } from "./copy-once-link";
import { formatDateTime } from "./format";

export function EventChoices({ chosen, error, idPrefix }: { chosen: readonly string[]; error?: string; idPrefix: string }) {
  return (
    <fieldset className="field" aria-describedby={error ? `${idPrefix}-events-error` : undefined}>
      <legend>Events to send</legend>
      {WEBHOOK_EVENTS.map((e) => (
        <label key={e} className="checkbox">
          <input type="checkbox" name="events" value={e} defaultChecked={chosen.includes(e)} />{" "}
          <span>
            {EVENT_WORDS[e]} <code className="event-code">{e}</code>
          </span>
        </label>
      ))}
      {error ? (
        <p className="field-error" id={`${idPrefix}-events-error`} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The signing secret, in this one response only: the page never shows it again (rotate to get a new one). */
export function SecretOnce({ secret }: { secret: string }) {
  return (
    <CopyOnceLink
      id="webhook-secret"
      label="Signing secret"
      link={secret}
      note="Shown only this once. Put it in the receiving system now: Lantern will not show it again (rotate it to get a new one)."
    />
  );
}

export function VerifySnippet() {
  return (
    <section className="card" aria-labelledby="verify-h">
      <h2 id="verify-h">Checking that a delivery comes from Lantern</h2>
      <p>
        Every delivery is a POST with a JSON body and a <code>Lantern-Signature</code> header: <code>t=</code> the time it was sent (Unix
        seconds) and <code>v1=</code> an HMAC-SHA256 of the time, a dot and the body, keyed with the signing secret. Refuse a delivery whose
        signature does not match or whose time is more than five minutes off. <code>Lantern-Event-Id</code> stays the same on every retry of
        an event: use it to ignore one you already have. Answer with any 2xx status within ten seconds.
      </p>
      <pre className="code-block" tabIndex={0} aria-label="Verification code for Node.js">
        <code>{VERIFY_SNIPPET}</code>
      </pre>
    </section>
  );
}

export interface LogAttempt {
  id: number;
  eventId: string;
  eventType: string;
  attempt: number;
  at: string;
  status: number | null;
  error: string | null;
  nextRetryAt: string | null;
}
export interface LogWaiting {
  id: number;
  eventId: string;
  eventType: string;
  createdAt: string;
}

export function DeliveryLog({ attempts, waiting }: { attempts: readonly LogAttempt[]; waiting: readonly LogWaiting[] }) {
  if (attempts.length === 0 && waiting.length === 0)
    return <p className="muted">No deliveries yet. Send a test event to try the address.</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="sr-only">Delivery log, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Time</th>
            <th scope="col">Attempt</th>
            <th scope="col">Response</th>
            <th scope="col">Error</th>
            <th scope="col">Next try</th>
          </tr>
        </thead>
        <tbody>
          {waiting.map((w) => (
            <tr key={`w${w.id}`}>
              <td>
                <code>{w.eventType}</code>
              </td>
              <td>{formatDateTime(w.createdAt)}</td>
              <td>—</td>
              <td>Waiting to be sent</td>
              <td></td>
              <td></td>
            </tr>
          ))}
          {attempts.map((a) => (
            <tr key={a.id}>
              <td>
                <code>{a.eventType}</code>
              </td>
              <td>{formatDateTime(a.at)}</td>
              <td>{a.attempt}</td>
              <td>{a.status ?? "none"}</td>
              <td>{a.error ?? ""}</td>
              <td>{a.nextRetryAt ? formatDateTime(a.nextRetryAt) : a.error ? "Given up" : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
