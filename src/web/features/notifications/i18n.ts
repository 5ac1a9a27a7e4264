// Interface text of the message center, merged under the 'messages' key (t('messages.…')).
// The messages themselves come from the server already in the reader's language (the same words
// as the e-mail, platform/mail/templates.ts).
export const zh = {
  menu: '消息中心',
  description: '系统发给您的待办提醒、退回与结果通知。开启邮件服务时，同一消息也会发送到您的邮箱。',
  all: '全部',
  unread: '未读',
  unreadCount: '{{n}} 条未读',
  markRead: '标为已读',
  markAllRead: '全部标为已读',
  markedAll: '已将 {{n}} 条消息标为已读',
  open: '查看',
  empty: '没有消息',
  emptyUnread: '没有未读消息',
  received: '时间',
  read: '已读',
};

export const en: typeof zh = {
  menu: 'Messages',
  description: 'Reminders, returns and results the system sends you. When e-mail is set up, the same message also goes to your mailbox.',
  all: 'All',
  unread: 'Unread',
  unreadCount: '{{n}} unread',
  markRead: 'Mark read',
  markAllRead: 'Mark all read',
  markedAll: '{{n}} messages marked read',
  open: 'Open',
  empty: 'No messages',
  emptyUnread: 'No unread messages',
  received: 'Received',
  read: 'Read',
};
