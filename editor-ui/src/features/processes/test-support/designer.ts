import type { Me } from '../../../api/types';

export const designer: Me = {
  type: 'user',
  id: 'user-2',
  name: 'Dana Designer',
  role: 'designer',
  permissions: ['processes:read', 'processes:write', 'entities:read', 'instances:read', 'tasks:read', 'reports:read'],
};
