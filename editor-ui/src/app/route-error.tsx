import { Link, useRouteError } from 'react-router';
import { errorMessage } from '../components/page-state';

/** Whatever breaks while rendering a page ends here, in words, with a way back — never a blank screen. */
export function RouteError() {
  const error = useRouteError();
  return (
    <main className="content">
      <div className="state state-error" role="alert">
        <p className="state-title">This page could not be shown</p>
        <p>{errorMessage(error)}</p>
        <p>
          <Link to="/">Back to the start</Link> or reload the page.
        </p>
      </div>
    </main>
  );
}
