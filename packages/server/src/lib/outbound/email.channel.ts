import nodemailer from 'nodemailer';
import { absoluteLink, type OutboundChannel } from './outbound.ts';

export interface EmailChannelOptions {
  /** smtp://user:pass@host:587 or smtps://user:pass@host:465 (nodemailer's connection URL). */
  url: string;
  /** The sender, e.g. 安治平台 <anzhi@example.gov.cn>. */
  from: string;
  publicUrl?: string;
}

function mailText(body: string, link: string | null): string {
  const lines = [body, ''];
  lines.push(link ? `查看详情：${link}` : '请登录安治平台查看详情。');
  lines.push('', '——安治 安全生产治理平台（系统自动发送，请勿直接回复）');
  return lines.join('\n');
}

/** E-mail copies to each recipient's own address (users.email). */
export function createEmailChannel(opts: EmailChannelOptions): OutboundChannel {
  // One connection per message: notices are few, and a stale pooled connection to a township mail server is worse.
  const transport = nodemailer.createTransport({
    url: opts.url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    name: 'email',
    key: 'email',
    audience: 'person',
    async send(n) {
      if (!n.toEmail) throw new Error('收件人没有电子邮箱');
      await transport.sendMail({
        from: opts.from,
        to: n.toEmail,
        subject: `【安治】${n.title}`,
        text: mailText(n.body, absoluteLink(n.link, opts.publicUrl)),
      });
    },
  };
}
