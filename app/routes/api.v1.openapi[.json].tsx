// GET /api/v1/openapi.json: the OpenAPI 3.1 document (public: it describes the API, not any data).
import { openApiDocument } from "~/schemas/api-openapi";

export function loader() {
  return new Response(JSON.stringify(openApiDocument()), {
    headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300" },
  });
}
