import { Navigate } from 'react-router';
import { useSession } from '../session/session';
import { homePathFor } from './navigation';

export function HomeRedirect() {
  const { can } = useSession();
  return <Navigate to={homePathFor(can)} replace />;
}
