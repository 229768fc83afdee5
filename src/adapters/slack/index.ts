export { createSlackApp, type SlackApp, type SlackAppOptions, EVENTS_PATH } from './app.ts';
export { slackSettingsFromEnv, type SlackSettings } from './settings.ts';
export { SlackReplyPoster, isChannelGone } from './poster.ts';
export { renderReply, type SlackMessage } from './render/reply-blocks.ts';
