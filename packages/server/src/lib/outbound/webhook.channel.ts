import { createHash } from 'node:crypto';
import { absoluteLink, type OutboundChannel, type OutboundMessage } from './outbound.ts';

export type WebhookKind = 'wecom' | 'dingtalk' | 'generic';

export interface WebhookChannelOptions {
  url: string;
  publicUrl?: string;
  timeoutMs?: number;
}

const labels: Record<WebhookKind, string> = { wecom: '企业微信机器人', dingtalk: '钉钉机器人', generic: '接收地址' };

/**
 * WeCom and DingTalk group robots by their host; by their path as well, so that a relay on the township network
 * (many government intranets cannot reach the internet directly) that forwards the same path is recognised.
 */
export function webhookKindOf(url: URL): WebhookKind {
  if (url.hostname === 'qyapi.weixin.qq.com' || url.pathname.endsWith('/cgi-bin/webhook/send')) return 'wecom';
  if (url.hostname === 'oapi.dingtalk.com' || url.pathname.endsWith('/robot/send')) return 'dingtalk';
  return 'generic';
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** The markdown both robots render: the title in bold, the text, the link one tap away. */
function markdownOf(n: OutboundMessage, link: string | null): string {
  const lines = [`**【安治】${n.title}**`, '', clip(n.body, 1500)];
  if (link) lines.push('', `[查看详情](${link})`);
  return lines.join('\n');
}

export function webhookPayload(kind: WebhookKind, n: OutboundMessage, link: string | null): unknown {
  if (kind === 'wecom') return { msgtype: 'markdown', markdown: { content: markdownOf(n, link) } };
  if (kind === 'dingtalk') return { msgtype: 'markdown', markdown: { title: `【安治】${n.title}`, text: markdownOf(n, link) } };
  return { source: 'anzhi', title: n.title, body: n.body, link };
}

function describeFetchError(e: unknown, timeoutMs: number): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return `${timeoutMs / 1000} 秒内没有回应`;
  const cause = e instanceof Error ? (e.cause as { code?: string } | undefined) : undefined;
  // Never the URL itself: it carries the robot's key.
  return `无法连接${cause?.code ? `（${cause.code}）` : ''}`;
}

/** A group robot (WeCom / DingTalk) or any endpoint taking a JSON POST; one copy per notice, not per recipient. */
export function createWebhookChannel(opts: WebhookChannelOptions): OutboundChannel {
  const url = new URL(opts.url);
  const kind = webhookKindOf(url);
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const label = labels[kind];
  // The key names the target without exposing its token, so a retry goes to the same robot after a restart.
  const digest = createHash('sha256').update(opts.url).digest('hex').slice(0, 10);
  return {
    name: 'webhook',
    key: `webhook:${kind}:${digest}`,
    audience: 'group',
    async send(n) {
      const payload = webhookPayload(kind, n, absoluteLink(n.link, opts.publicUrl));
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        throw new Error(`${label}${describeFetchError(e, timeoutMs)}`);
      }
      const text = await res.text().catch(() => '');
      if (!res.ok) throw new Error(`${label}返回 HTTP ${res.status}${text ? `：${clip(text, 200)}` : ''}`);
      if (kind === 'generic') return;
      // Both robots answer 200 with {errcode, errmsg}; only errcode 0 means the message was posted.
      let reply: { errcode?: unknown; errmsg?: unknown } | null = null;
      try {
        reply = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown };
      } catch {
        reply = null;
      }
      if (reply?.errcode !== 0) {
        const detail = reply ? `errcode ${String(reply.errcode)}：${String(reply.errmsg ?? '')}` : `无法识别的回复：${clip(text, 200)}`;
        throw new Error(`${label}拒绝了消息（${detail}）`);
      }
    },
  };
}
