import { Link } from 'react-router';
import { Empty } from '../components/page-state';

export function NotFoundPage() {
  return (
    <Empty title="This page does not exist">
      <Link to="/">Back to the start</Link>
    </Empty>
  );
}
