// The error boundary of a page driven by URL filters (lists, dashboard, report): a 400 says what is
// wrong with the filter and offers the page without it; a 403 and anything else say so plainly.
import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";

interface Props {
  title: string;
  /** Shown for anything but a 400 or 403, e.g. "The actions could not be shown." */
  fallback: string;
  /** Over the message when the filter was refused (400), e.g. "These filters cannot be used". */
  badFilterTitle?: string;
  resetLabel: string;
}

export function FilteredPageError({ title, fallback, badFilterTitle, resetLabel }: Props) {
  const error = useRouteError();
  const badFilter = isRouteErrorResponse(error) && error.status === 400;
  const message =
    badFilter && typeof error.data === "object" && error.data && "message" in error.data
      ? String(error.data.message)
      : isRouteErrorResponse(error) && error.status === 403
        ? "Your role does not allow this."
        : `${fallback} Please try again.`;
  return (
    <main className="page">
      <h1>{title}</h1>
      <div className="alert error" role="alert">
        {badFilter && badFilterTitle ? <p className="alert-title">{badFilterTitle}</p> : null}
        <p>{message}</p>
      </div>
      <p>
        <Link to="?">{resetLabel}</Link>
      </p>
    </main>
  );
}
