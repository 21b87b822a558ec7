// The world outline under every map, as an SVG image: drawn once per process from the world-atlas
// package and cached by the browser, so pages carry only their points (and no map script at all).
// Public: it is Natural Earth's land, nothing of a tenant.
import { renderToStaticMarkup } from "react-dom/server";
import { worldOutline } from "~/lib/world-map.server";
import { WORLD_HEIGHT, WORLD_WIDTH } from "~/domain/map/geo";

let body: string | undefined;

export async function loader() {
  const { land, borders } = worldOutline();
  body ??= renderToStaticMarkup(
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${WORLD_WIDTH} ${WORLD_HEIGHT}`} width={WORLD_WIDTH} height={WORLD_HEIGHT}>
      <path d={land} fill="#dde3ea" stroke="#a9b4c0" strokeWidth={0.8} strokeLinejoin="round" />
      <path d={borders} fill="none" stroke="#ffffff" strokeWidth={0.8} strokeLinejoin="round" />
    </svg>,
  );
  return new Response(body, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "public, max-age=86400",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
