import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { APIEmbed } from 'discord.js';
import type { ContextStore, ConversationContext } from '../../../src/core/context-store.ts';
import { limitViolations } from '../../../src/adapters/discord/render/limits.ts';
import { MAX_UPLOAD_BYTES } from '../../../src/check/parse/limits.ts';
import { PERMISSIONS, attachmentOption, autocomplete, slashCommand, str } from './payloads.ts';
import { RecordingDigest, RecordingGuestChecks, withDiscord } from './harness.ts';
import { DiscordReplyPoster } from '../../../src/adapters/discord/poster.ts';
import { reply } from '../../../src/core/reply.ts';

interface CallbackBody {
  type: number;
  data?: {
    content?: string;
    embeds?: APIEmbed[];
    components?: unknown[];
    flags?: number;
    allowed_mentions?: unknown;
    choices?: Array<{ name: string; value: string }>;
  };
}

const EPHEMERAL = 64;

describe('/lis commands through the fake gateway', () => {
  test('feature name:trim distro:sles version:11 SP3 host:2012 R2 → one callback with one embed: not available, with its source', async () => {
    await withDiscord({}, async ({ fake, interact, responsesTo }) => {
      const payload = slashCommand(fake, 'feature', [
        str('name', 'trim'),
        str('distro', 'sles'),
        str('version', '11 SP3'),
        str('host', '2012 R2'),
      ]);
      await interact(payload);
      const responses = responsesTo(payload);
      assert.equal(responses.length, 1, 'exactly one request for this interaction: the callback');
      const callback = responses[0]!;
      assert.equal(callback.method, 'POST');
      assert.equal(callback.path, `/interactions/${payload.id}/${payload.token}/callback`);
      const body = callback.body as CallbackBody;
      assert.equal(body.type, 4, 'CHANNEL_MESSAGE_WITH_SOURCE: answered at once, no defer needed');
      assert.equal(body.data?.embeds?.length, 1);
      const embed = body.data.embeds[0]!;
      assert.match(embed.title!, /TRIM/);
      assert.match(embed.title!, /SUSE Linux Enterprise Server 11 SP3/);
      assert.match(embed.description!, /^No on 2012 R2 \(TRIM support for SUSE Linux Enterprise Server 11 SP3\)/);
      const sources = embed.fields!.find((f) => f.name === 'Sources');
      assert.ok(sources, 'a Sources field');
      // The newest SUSE page writes 2012 for 2012 R2, so the page that lists 2012 R2 answers.
      assert.match(
        sources.value,
        /Supported SUSE virtual machines on Hyper-V|SUSE Linux Enterprise Server \(SLES\) virtual machines on Hyper-V/,
      );
      assert.match(sources.value, /https:\/\/learn\.microsoft\.com\/.*supported-suse-virtual-machines-on-hyper-v/);
      assert.deepEqual(body.data.allowed_mentions, { parse: [] });
      assert.deepEqual(limitViolations({ embeds: body.data.embeds, components: body.data.components as never }), []);
    });
  });

  test('ask question:"does rhel 6.2 need lis?" → the LIS 4.3 answer, quoted question, feedback buttons', async () => {
    await withDiscord({}, async ({ fake, interact, responsesTo }) => {
      const payload = slashCommand(fake, 'ask', [str('question', 'does rhel 6.2 need lis?')]);
      await interact(payload);
      const [callback] = responsesTo(payload);
      const body = callback!.body as CallbackBody;
      assert.equal(body.type, 4);
      const embed = body.data!.embeds![0]!;
      assert.match(embed.description!, /^> does rhel 6\.2 need lis\?/);
      assert.match(embed.description!, /LIS 4\.3/);
      const buttons = JSON.stringify(body.data!.components);
      assert.match(buttons, /lis:mx:rhel/, 'a show-matrix button');
      assert.match(buttons, /lis:fb:up:/, 'feedback buttons');
    });
  });

  test('autocomplete distro name:"ubu" → ≤25 choices, Ubuntu first; version for ubuntu → its releases, newest first', async () => {
    await withDiscord({}, async ({ fake, interact, responsesTo }) => {
      const names = autocomplete(fake, 'distro', [str('name', 'ubu', true)]);
      await interact(names);
      const body = responsesTo(names)[0]!.body as CallbackBody;
      assert.equal(body.type, 8, 'APPLICATION_COMMAND_AUTOCOMPLETE_RESULT');
      const choices = body.data!.choices!;
      assert.ok(choices.length >= 1 && choices.length <= 25);
      assert.deepEqual(choices[0], { name: 'Ubuntu', value: 'ubuntu' });

      const versions = autocomplete(fake, 'distro', [str('name', 'ubuntu'), str('version', '', true)]);
      await interact(versions);
      const listed = (responsesTo(versions)[0]!.body as CallbackBody).data!.choices!;
      assert.ok(listed.length >= 4 && listed.length <= 25);
      assert.equal(listed[0]!.value, '22.04');
      assert.match(listed[0]!.name, /jammy/);
      assert.ok(listed.some((c) => c.value === '14.04'));
      for (const c of listed) assert.ok(c.name.length <= 100 && c.value.length <= 100);

      const narrowed = autocomplete(fake, 'feature', [str('name', 'trim'), str('distro', 'sles'), str('version', '11', true)]);
      await interact(narrowed);
      const sles = (responsesTo(narrowed)[0]!.body as CallbackBody).data!.choices!;
      assert.ok(sles.some((c) => c.value === '11 SP3'));
      assert.ok(sles.every((c) => c.value.startsWith('11')));

      const features = autocomplete(fake, 'feature', [str('name', 'discard', true)]);
      await interact(features);
      assert.equal((responsesTo(features)[0]!.body as CallbackBody).data!.choices![0]!.value, 'trim');
    });
  });

  test('unknown option values are refused server-side with a clear private error', async () => {
    await withDiscord({}, async ({ fake, interact, responsesTo }) => {
      for (const [sub, options, pattern] of [
        ['distro', [str('name', 'plan9')], /don't know the distribution "plan9"/],
        ['feature', [str('name', 'warp drive'), str('distro', 'rhel')], /don't know the feature "warp drive"/],
        ['feature', [str('name', 'trim'), str('distro', 'rhel'), str('host', '1999')], /not a Hyper-V host/],
        ['distro', [str('name', 'rhel'), str('version', 'latest')], /not a release I can read/],
      ] as const) {
        const payload = slashCommand(fake, sub, options);
        await interact(payload);
        const body = responsesTo(payload)[0]!.body as CallbackBody;
        assert.equal(body.type, 4);
        assert.equal(body.data!.flags, EPHEMERAL);
        assert.match(body.data!.content!, pattern);
        assert.deepEqual(body.data!.allowed_mentions, { parse: [] });
      }
    });
  });

  test('check file: → attachment fetched from the CDN URL, handed to the guest check with the channel as target; defer then edit', async () => {
    const checks = new RecordingGuestChecks();
    await withDiscord({ guestChecks: checks }, async ({ fake, interact, responsesTo }) => {
      const collected = '### lisbot collector v1\nuname -r: 3.0.76-0.11-default\n';
      const file = fake.addFile('lis-collect.txt', collected);
      const payload = slashCommand(fake, 'check', [attachmentOption('file', file)], { files: [file] });
      await interact(payload);
      const download = fake.requests.find((r) => r.path.startsWith('/attachments/'));
      assert.ok(download, 'the attachment was downloaded from its URL');
      assert.equal(download.method, 'GET');
      assert.equal(download.headers.authorization, undefined, 'no bot token sent to the CDN');
      assert.equal(checks.calls.length, 1);
      const call = checks.calls[0]!;
      assert.equal(call.upload.fileName, 'lis-collect.txt');
      assert.equal(call.upload.content.toString('utf8'), collected);
      assert.deepEqual(call.target, { platform: 'discord', channel: fake.channelId, interaction: payload.token });
      assert.equal(call.user, '1200000000000000001');
      const [defer, edit] = responsesTo(payload);
      assert.equal((defer!.body as CallbackBody).type, 5, 'deferred first');
      assert.equal(edit!.method, 'PATCH');
      assert.equal(edit!.path, `/webhooks/${fake.applicationId}/${payload.token}/messages/@original`);
      assert.match((edit!.body as { content: string }).content, /Checking lis-collect\.txt…/);
      assert.deepEqual((edit!.body as { allowed_mentions: unknown }).allowed_mentions, { parse: [] });
      assert.match(JSON.stringify(fake.original(payload.token)), /Checking/);
    });
  });

  test('check file: the report replaces the deferred "Checking…" reply in place; an expired interaction posts to the channel', async () => {
    const checks = new RecordingGuestChecks();
    await withDiscord({ guestChecks: checks }, async ({ fake, interact }) => {
      const file = fake.addFile('vm1.txt', '### lisbot collector v1\nuname -r: 3.0.76-0.11-default\n');
      const payload = slashCommand(fake, 'check', [attachmentOption('file', file)], { files: [file] });
      await interact(payload);
      assert.match(JSON.stringify(fake.original(payload.token)), /Checking vm1\.txt/);
      const channelPostsBefore = fake.requestsTo(new RegExp(`^/channels/${fake.channelId}/messages$`), 'POST').length;
      // What a worker does with the job's target: the real REST poster, against the same fake.
      const poster = DiscordReplyPoster.fromSettings({ token: fake.token, apiUrl: fake.apiUrl, applicationId: fake.applicationId });
      const report = reply({ intent: 'guest_check', title: 'Guest check: vm1', text: 'Integration services are built in.' });
      const target = checks.calls[0]!.target;
      const posted = await poster.post(target, report);
      const original = JSON.stringify(fake.original(payload.token));
      assert.match(original, /Guest check: vm1/, 'the deferred reply is now the report');
      assert.doesNotMatch(original, /Checking vm1/);
      assert.equal(posted.id, (fake.original(payload.token) as { id: string }).id);
      assert.equal(
        fake.requestsTo(new RegExp(`^/channels/${fake.channelId}/messages$`), 'POST').length,
        channelPostsBefore,
        'no new message',
      );
      await poster.post(target, report);
      assert.equal(
        fake.requestsTo(new RegExp(`^/channels/${fake.channelId}/messages$`), 'POST').length,
        channelPostsBefore,
        'a retry edits again',
      );

      await poster.post({ ...target, interaction: 'expired-token' }, report);
      assert.equal(fake.requestsTo(new RegExp(`^/channels/${fake.channelId}/messages$`), 'POST').length, channelPostsBefore + 1);
    });
  });

  test('check file: over 5 MB is refused from its metadata, before any download', async () => {
    const checks = new RecordingGuestChecks();
    await withDiscord({ guestChecks: checks }, async ({ fake, interact, responsesTo }) => {
      const file = fake.addFile('huge.txt', 'tiny on the CDN', 'text/plain', MAX_UPLOAD_BYTES + 1);
      const payload = slashCommand(fake, 'check', [attachmentOption('file', file)], { files: [file] });
      await interact(payload);
      assert.equal(fake.requests.filter((r) => r.path.startsWith('/attachments/')).length, 0);
      assert.equal(checks.calls.length, 0);
      const body = responsesTo(payload)[0]!.body as CallbackBody;
      assert.equal(body.data!.flags, EPHEMERAL);
      assert.match(body.data!.content!, /limit is 5\.0 MB/);
    });
  });

  test('check file: with the guest check unavailable → "try again shortly"', async () => {
    const checks = new RecordingGuestChecks({ status: 'unavailable', message: 'redis down' });
    await withDiscord({ guestChecks: checks }, async ({ fake, interact, responsesTo }) => {
      const file = fake.addFile('lis-collect.txt', 'x');
      const payload = slashCommand(fake, 'check', [attachmentOption('file', file)], { files: [file] });
      await interact(payload);
      const edit = responsesTo(payload).find((r) => r.method === 'PATCH')!;
      assert.match((edit.body as { content: string }).content, /Try again shortly/);
      assert.doesNotMatch(edit.raw, /redis/);
    });
  });

  test('slow path: a slow conversation store makes ask defer, then edit the original response', async () => {
    const slow: ContextStore = {
      get: () => new Promise<ConversationContext | undefined>((resolve) => setTimeout(() => resolve(undefined), 400)),
      set: () => Promise.resolve(),
    };
    await withDiscord({ contexts: slow, deferAfterMs: 100 }, async ({ fake, interact, responsesTo }) => {
      const payload = slashCommand(fake, 'ask', [str('question', 'does rhel 6.2 need lis?')]);
      await interact(payload);
      const responses = responsesTo(payload);
      assert.deepEqual(
        responses.map(
          (r) => `${r.method} ${r.path.replace(payload.token, 'TOKEN').replace(payload.id, 'ID').replace(fake.applicationId, 'APP')}`,
        ),
        ['POST /interactions/ID/TOKEN/callback', 'PATCH /webhooks/APP/TOKEN/messages/@original'],
      );
      assert.equal((responses[0]!.body as CallbackBody).type, 5);
      const edit = responses[1]!.body as { embeds: APIEmbed[]; allowed_mentions: unknown };
      assert.match(edit.embeds[0]!.description!, /LIS 4\.3/);
      assert.deepEqual(edit.allowed_mentions, { parse: [] });
      const original = fake.original(payload.token) as { embeds: APIEmbed[] };
      assert.match(original.embeds[0]!.description!, /LIS 4\.3/, 'the fake holds the edited original');
    });
  });

  test('digest preview goes to DigestCommands (deferred, ephemeral) with Manage Channels as canManageChannel', async () => {
    const digest = new RecordingDigest(50);
    await withDiscord({ digest }, async ({ fake, interact, responsesTo }) => {
      const payload = slashCommand(fake, 'preview', [str('args', 'since 2024-01-01')], {
        group: 'digest',
        permissions: PERMISSIONS.manageChannels,
      });
      await interact(payload);
      assert.deepEqual(digest.calls[0]!.args, ['preview', 'since', '2024-01-01']);
      assert.deepEqual(digest.calls[0]!.context, {
        target: { platform: 'discord', channel: fake.channelId },
        user: '1200000000000000001',
        canManageChannel: true,
      });
      const [defer, edit] = responsesTo(payload);
      assert.deepEqual(defer!.body, { type: 5, data: { flags: EPHEMERAL } });
      assert.match(JSON.stringify(edit!.body), /Done: preview since 2024-01-01/);

      const plain = slashCommand(fake, 'subscribe', [str('args', 'weekly rhel')], { group: 'digest' });
      await interact(plain);
      assert.equal(digest.calls[1]!.context.canManageChannel, false, 'no Manage Channels, not an admin');
    });
  });

  test("digest without DigestCommands answers through the bot's digest intent; LISBOT_ADMINS count as managers", async () => {
    await withDiscord({}, async ({ fake, interact, responsesTo }) => {
      const payload = slashCommand(fake, 'list', [], { group: 'digest' });
      await interact(payload);
      const edit = responsesTo(payload).find((r) => r.method === 'PATCH')!;
      assert.match(JSON.stringify(edit.body), /Digest of newly supported distributions/);
    });
    const digest = new RecordingDigest();
    await withDiscord({ digest, settings: { admins: ['discord:1200000000000000001'] } }, async ({ fake, interact }) => {
      await interact(slashCommand(fake, 'subscribe', [], { group: 'digest' }));
      assert.equal(digest.calls[0]!.context.canManageChannel, true);
    });
  });

  test('issue query: and help answer with embeds within limits', async () => {
    await withDiscord({}, async ({ fake, interact, responsesTo }) => {
      const issue = slashCommand(fake, 'issue', [str('query', 'hv_balloon: Memory hot add failed')]);
      await interact(issue);
      const issueBody = responsesTo(issue)[0]!.body as CallbackBody;
      assert.equal(issueBody.data!.embeds!.length, 1);
      assert.deepEqual(limitViolations({ embeds: issueBody.data!.embeds! }), []);

      const help = slashCommand(fake, 'help');
      await interact(help);
      const helpBody = responsesTo(help)[0]!.body as CallbackBody;
      assert.equal(helpBody.data!.flags, EPHEMERAL);
      assert.match(JSON.stringify(helpBody.data!.embeds), /\/lis feature/);
    });
  });
});
