import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { getOptionalUser } from "~/lib/auth.server";
import { homePathFor } from "~/services/accounts.server";

export const meta: MetaFunction = () => [{ title: "Lantern — find and fix forced labour in your supply chain" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  if (user) throw redirect(await homePathFor(context.db, user.userId));
  return null;
}

export default function Index() {
  return (
    <main className="page narrow landing">
      <h1>Find and fix forced labour in your supply chain</h1>
      <p className="lead">
        Lantern helps compliance teams register suppliers tier by tier, assess them against the Athens Ethical Principles, and see an
        explainable forced-labour risk score for every supplier.
      </p>
      <p className="actions">
        <Link to="/signup" className="button">
          Create an organization
        </Link>
        <Link to="/login" className="button secondary">
          Log in
        </Link>
      </p>
    </main>
  );
}
