import type { Config } from '../../config.ts';
import { createEmailChannel } from './email.channel.ts';
import { createWebhookChannel } from './webhook.channel.ts';

/** What an outbound copy of a notice carries. `link` is the notice's own (an in-app path); channels make it absolute. */
export interface OutboundMessage {
  title: string;
  body: string;
  link: string | null;
  toEmail?: string | null;
}

/**
 * A way to send a copy of a notice outside the platform. `send` throws on failure; the notification service
 * records the error and retries.
 */
export interface OutboundChannel {
  name: 'email' | 'webhook';
  /**
   * Identifies the channel in an outbound job's payload (e.g. `email`, `webhook:wecom:3fa2c1d0`), so that a retry
   * goes to the same place. Defaults to `name`.
   */
  key?: string;
  /**
   * 'person': one copy per recipient, to the recipient's own address (skipped when the user has none).
   * 'group': one copy per notice, to a shared group robot — the group must not hear the same thing once per recipient.
   * Defaults to 'person'.
   */
  audience?: 'person' | 'group';
  send(n: OutboundMessage): Promise<void>;
}

export function channelKey(c: OutboundChannel): string {
  return c.key ?? c.name;
}

/** Makes an in-app path absolute for a message read outside the platform; without a public address there is no link. */
export function absoluteLink(link: string | null | undefined, publicUrl: string | undefined): string | null {
  if (!link) return null;
  if (/^https?:\/\//i.test(link)) return link;
  return publicUrl ? `${publicUrl}${link.startsWith('/') ? '' : '/'}${link}` : null;
}

/** The channels the configuration asks for: e-mail when ANZHI_SMTP_URL is set, one per ANZHI_WEBHOOK_URLS entry. */
export function createOutboundChannels(config: Pick<Config, 'smtp' | 'webhookUrls' | 'publicUrl'>): OutboundChannel[] {
  const { publicUrl } = config;
  const channels: OutboundChannel[] = [];
  if (config.smtp) channels.push(createEmailChannel({ ...config.smtp, publicUrl }));
  for (const url of config.webhookUrls) channels.push(createWebhookChannel({ url, publicUrl }));
  return channels;
}
