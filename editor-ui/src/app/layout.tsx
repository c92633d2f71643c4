import { NavLink, Outlet } from 'react-router';
import { useEntityTypes } from '../features/entities/entity-queries';
import { useSession } from '../session/session';
import { mayOpen, NAV_ITEMS } from './navigation';

export function Layout() {
  const { me, can, signOut } = useSession();
  const entityTypes = useEntityTypes(can('entities:read'));

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="sidebar-inner">
          <div className="brand">Caseflow</div>
          <nav aria-label="Main">
            <ul className="nav-list">
              {NAV_ITEMS.filter((item) => mayOpen(item, can)).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className="nav-link" end={item.to === '/entities'}>
                    {item.label}
                  </NavLink>
                  {item.to === '/entities' && entityTypes.data ? (
                    <ul className="nav-sublist" aria-label="Record types">
                      {entityTypes.data.map((type) => (
                        <li key={type.key}>
                          <NavLink to={`/entities/${type.key}`} className="nav-link nav-sublink">
                            {type.name}
                          </NavLink>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          </nav>
          <div className="account">
            <div>
              <div className="account-name">{me?.name}</div>
              <div className="account-role">{me?.role}</div>
              <NavLink to="/settings" className="account-link">
                My settings
              </NavLink>
            </div>
            <button type="button" className="button button-ghost" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </div>
      </aside>
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
