export const orgStatusColor: Record<string, string> = { active: 'green', pending: 'gold', rejected: 'red', suspended: 'default', revoked: 'default' };
