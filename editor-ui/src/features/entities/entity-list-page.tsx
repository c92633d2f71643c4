import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { Empty, ErrorNotice, Loading } from '../../components/page-state';
import { Pager } from '../../components/pager';
import { StalledBadge } from '../../components/stalled-badge';
import { useSession } from '../../session/session';
import { CreateEntityDialog } from './create-entity-dialog';
import { useEntities, useEntityTypes } from './entity-queries';

const PAGE_SIZE = 25;

export function EntityListPage() {
  const { type = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [search, setSearch] = useState(q);
  const [creating, setCreating] = useState(false);
  const { can } = useSession();
  const types = useEntityTypes();
  const entities = useEntities(type, q, offset, PAGE_SIZE);
  const typeName = types.data?.find((t) => t.key === type)?.name ?? type;

  const go = (next: { q?: string; offset?: number }) => {
    const result = new URLSearchParams();
    const nextQ = next.q ?? q;
    if (nextQ) result.set('q', nextQ);
    if (next.offset) result.set('offset', String(next.offset));
    setParams(result);
  };

  return (
    <>
      <PageHeader
        title={typeName}
        actions={
          can('entities:write') ? (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              New record
            </button>
          ) : null
        }
      />
      <form
        className="search-bar"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          go({ q: search.trim(), offset: 0 });
        }}
      >
        <label className="field field-inline field-grow">
          <span className="visually-hidden">Search {typeName}</span>
          <input type="search" placeholder="Search by name, reference or email" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {entities.isPending ? (
        <Loading />
      ) : entities.error ? (
        <ErrorNotice error={entities.error} onRetry={() => void entities.refetch()} />
      ) : entities.data.items.length === 0 ? (
        <Empty title={q ? `No ${typeName.toLowerCase()} match “${q}”` : `No ${typeName.toLowerCase()} yet`} />
      ) : (
        <>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Reference</th>
                  <th scope="col" className="col-wide">Email</th>
                  <th scope="col" className="col-wide">Updated</th>
                </tr>
              </thead>
              <tbody>
                {entities.data.items.map((entity) => (
                  <tr key={entity.id}>
                    <td>
                      <Link to={`/entities/${type}/${entity.id}`}>{entity.name}</Link>
                      {entity.stalled ? <StalledBadge title="An open case of this record is stalled" /> : null}
                    </td>
                    <td>{entity.externalId}</td>
                    <td className="col-wide">{entity.email ?? '—'}</td>
                    <td className="col-wide">{entity.updatedAt ? new Date(entity.updatedAt).toLocaleDateString() : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager offset={offset} limit={PAGE_SIZE} total={entities.data.total} onChange={(next) => go({ offset: next })} />
        </>
      )}
      <CreateEntityDialog type={type} typeName={typeName} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
