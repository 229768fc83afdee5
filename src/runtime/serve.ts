import { Bot } from '../bot/bot.ts';
import { MemoryContextStore } from '../bot/context.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import type { GuestCheckRequests } from '../jobs/guest-check-requests.ts';
import { MemoryDedupeStore } from '../state/dedupe-store.ts';
import { MemoryFeedbackStore } from '../state/feedback-store.ts';
import { createSlackApp } from '../adapters/slack/app.ts';
import { slackSettingsFromEnv } from '../adapters/slack/settings.ts';

export interface RunningAdapter {
  readonly name: string;
  stop(): Promise<void>;
}

export interface ServeDependencies {
  readonly env: NodeJS.ProcessEnv;
  readonly kb: () => KnowledgeBase;
  readonly guestChecks?: GuestCheckRequests;
  readonly log: (line: string) => void;
}

/**
 * Starts every chat adapter whose settings are present. Returns the running ones; none means no chat
 * platform is configured. A bad setting throws ConfigError naming the variable before anything starts.
 */
export async function startAdapters(deps: ServeDependencies): Promise<RunningAdapter[]> {
  const slackSettings = slackSettingsFromEnv(deps.env);
  const bot = new Bot(deps.kb, new MemoryContextStore());
  const dedupe = new MemoryDedupeStore();
  const feedback = new MemoryFeedbackStore();
  const running: RunningAdapter[] = [];
  if (slackSettings) {
    const slack = createSlackApp({ settings: slackSettings, bot, dedupe, feedback, ...(deps.guestChecks ? { guestChecks: deps.guestChecks } : {}) });
    await slack.start();
    deps.log(`slack: ${slack.mode === 'socket' ? 'connected in Socket Mode' : `listening on port ${slack.port} at /slack/events`}`);
    running.push({ name: 'slack', stop: () => slack.stop() });
  }
  return running;
}
