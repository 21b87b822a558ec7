import { json } from "@remix-run/node";

// Any URL no other route matches: a friendly 404 from the root error boundary.
export function loader() {
  throw json(null, { status: 404 });
}
export function action() {
  throw json(null, { status: 404 });
}
export default function NotFound() {
  return null;
}
