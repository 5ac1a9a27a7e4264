// The SMTP side of the mail channel: nodemailer over GUOHE_SMTP_URL. Kept behind a two-method
// interface so the delivery logic does not know nodemailer.
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<…@…>`; the same notification always gets the same id (receivers drop duplicates). */
  messageId: string;
  lang: 'zh' | 'en';
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465; `from` is the sender. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(m) {
      await transport.sendMail({
        from, to: m.to, subject: m.subject, text: m.text, html: m.html, messageId: m.messageId,
        headers: { 'Content-Language': m.lang === 'en' ? 'en' : 'zh-CN', 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transport.close(),
  };
}
