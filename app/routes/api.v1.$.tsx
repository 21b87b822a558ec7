// Any other path under /api/v1: a problem, never the app's HTML 404 page.
import { problem } from "~/lib/api-problem.server";

const notFound = () => problem(404, "There is no such API resource. The reference is at /api/v1/docs.");
export const loader = notFound;
export const action = notFound;
