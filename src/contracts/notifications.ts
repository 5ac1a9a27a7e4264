import { z } from 'zod';
import { zPage } from './common.js';

/** One message of the in-app message center, rendered in the reader's language. */
export const ZNotification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof ZNotification>;

export const ZNotificationQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  unread: z.enum(['true', 'false']).optional(),
});

export const ZNotificationPage = zPage(ZNotification).extend({ unread: z.number().int() });
export type NotificationPage = z.infer<typeof ZNotificationPage>;
