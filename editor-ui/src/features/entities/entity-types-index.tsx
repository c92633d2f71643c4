import { Link } from 'react-router';
import { Empty, QueryState } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { useEntityTypes } from './entity-queries';

export function EntityTypesIndex() {
  const types = useEntityTypes();
  return (
    <>
      <PageHeader title="Records" subtitle="Every case is about a record: a prospect, a booking, an invoice…" />
      <QueryState query={types}>
        {(list) =>
          list.length === 0 ? (
            <Empty title="No record types yet" />
          ) : (
            <ul className="card-grid">
              {list.map((type) => (
                <li key={type.key}>
                  <Link className="card card-link" to={`/entities/${type.key}`}>
                    <span className="card-title">{type.name}</span>
                    <span className="muted">{type.key}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
