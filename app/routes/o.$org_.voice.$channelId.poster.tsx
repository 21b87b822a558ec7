// A site's printable poster (A4): what the channel is for, that it is anonymous, that retaliation is
// forbidden, in the channel's two languages, with a QR code drawn on the server (no image download)
// and the short link. Outside the organisation's layout (no sidebar) and without JavaScript: the
// officer prints it with the browser (Ctrl+P); the button is a plain link hint, not a script.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { isDbId } from "~/schemas/fields";
import { posterOf } from "~/services/voice-channels.server";

export const handle = { bare: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Poster: ${data?.supplierName ?? ""}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "grievances.handle");
  if (!params.channelId || !isDbId(params.channelId)) throw notFound("No such channel");
  const poster = await posterOf(context.db, ident, Number(params.channelId));
  if (!poster) throw notFound("No such channel");
  return json({ ...poster, back: `/o/${ident.org.slug}/suppliers/${poster.supplierId}/voice` });
}

export default function Poster() {
  const p = useLoaderData<typeof loader>();
  const view = p.qr.size + 8;
  return (
    <div className="poster-page">
      <p className="no-print">
        <a href={p.back}>Back</a> · Print this page (Ctrl+P or ⌘P) on A4, portrait, and put it up where workers see it.
      </p>
      <article className="poster">
        {p.sides.map((s, i) => (
          <section key={s.lang} lang={s.lang} className={i === 0 ? "poster-side first" : "poster-side"}>
            <h1>{s.title}</h1>
            <p>{s.for}</p>
            <p>
              <strong>{s.anonymous}</strong>
            </p>
            <p>
              <strong>{s.retaliation}</strong>
            </p>
            {s.reviewed ? null : <p className="poster-review">{s.review}</p>}
          </section>
        ))}
        <div className="poster-code">
          <svg viewBox={`0 0 ${view} ${view}`} role="img" aria-label={`QR code: ${p.url}`} shapeRendering="crispEdges">
            <rect width={view} height={view} fill="#fff" />
            <path d={p.qr.d} fill="#000" />
          </svg>
          <p className="poster-url">
            {p.sides.map((s) => s.scan).join(" / ")}
            <br />
            <strong>{p.url}</strong>
          </p>
        </div>
        <p className="poster-org">{p.orgName}</p>
      </article>
    </div>
  );
}
