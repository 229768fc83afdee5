import { INPUT_DIAGNOSTIC_RULES, RULE_CATALOGUE } from '../../check/rules/catalogue.ts';
import { checkPaste, reportToReply, type CheckReport } from '../../check/report/index.ts';
import { GuestDistro } from '../../check/guest-facts.ts';
import { reply, type Entities, type Reply } from '../../core/reply.ts';
import { CHECK_VM_ACTION } from '../../core/cite.ts';
import type { HandlerInput, IntentHandler } from './handler.ts';
import { isCollectorReport } from '../pasted-output.ts';
import { decideVerdict } from '../../knowledge/query/verdict.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import { verdictQuery } from './verdict-reply.ts';

const HOW_TO =
  'Get the collector with "lisbot collector > lis-collect.sh" or the Check my VM button, run "sh lis-collect.sh > lischeck.txt" in the guest, then upload lischeck.txt here (or run "lisbot check lischeck.txt").';

/** What people ask about the collector and the check, answered from how lisbot's own collector works. */
const TOPICS: ReadonlyArray<{ pattern: RegExp; text: string }> = [
  {
    pattern: /\b(root|sudo|privilege|permission|admin rights)\b/,
    text: 'The collector runs as any user. As root it sees more (the kernel log, dmidecode, the KVP pool); without root those sections come back empty and the report says so (INPUT_NOT_ROOT).',
  },
  {
    pattern: /\b(send|upload|phone home|network|internet|data anywhere|privacy|safe|write|writes|modify|change anything|install)\b/,
    text: 'The collector is read-only: it opens no network connection, writes no files (not even temporary ones), loads no kernel modules and changes no service. It only prints a plain-text report to standard output, and you decide what to upload.',
  },
  {
    pattern: /\b(redact|hostnames?|ip address|ips|mac address|anonymi[sz]e|sensitive|secrets?)\b/,
    text: 'Redaction is on by default: host names, IPv4/IPv6 and MAC addresses and user names are replaced before anything is printed. Use --no-redact to keep them, or --redact-only to see what would be hidden.',
  },
  {
    pattern: /\b(freebsd|bsd|busybox|dash|rhel 5|old shell|posix)\b/,
    text: 'The collector is plain POSIX sh: it runs with bash 3.2 (RHEL 5), dash, busybox ash and FreeBSD sh, and probes FreeBSD with kldstat, sysctl and pkg.',
  },
  {
    pattern: /\b(\d+ vms|many vms|all (my|our) vms|at once|inventory|csv|fleet|bulk|hundreds)\b/,
    text: 'For many VMs, upload an inventory: a CSV with one row per VM (or JSON lines). "lisbot check inventory.csv" streams one report per VM and a summary; cells that look like spreadsheet formulas are neutralised in CSV output.',
  },
  {
    pattern: /\b(what does (the )?(guest )?check (look at|check|cover)|what (is|gets) (checked|collected)|which facts)\b/,
    text: `The check reads the kernel and its Hyper-V modules, the integration-services packages and daemons (KVP, VSS, file copy), the host build from the kernel log, Gen1/Gen2 and Secure Boot, disks and their I/O scheduler, network adapters, time sync and memory settings, then applies ${RULE_CATALOGUE.length} rules against the support matrices.`,
  },
];

function diagnosticTopic(question: string): string | undefined {
  // "VERSION_ID=…" is a line of os-release, not a finding id asked about.
  const id = /\b([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+)\b(?!\s*=)/.exec(question)?.[1];
  if (!id) return undefined;
  const rule = [...INPUT_DIAGNOSTIC_RULES, ...RULE_CATALOGUE].find((r) => r.id === id);
  if (!rule) return `${id} is not one of the check's finding ids.`;
  const truncated =
    id === 'INPUT_TRUNCATED'
      ? ' The collector always ends its report with a "### lischeck-end" line; without it the upload was cut off, so re-run the collector and upload the whole file.'
      : '';
  return `${id}: ${rule.title}.${truncated}`;
}

/** "analyse this", "here is my output": a file was meant, and none came with the message. */
const REFERS_TO_UPLOAD =
  /\b(analy[sz]e this|check this|look at this|here('?s| is) (my|the)|attached|attachment|this output|this file|this bundle)\b/;

/** How to get a VM checked; also what the "Check my VM" button shows. */
export function checkVmReply(entities: Entities = {}): Reply {
  return reply({
    intent: 'guest_check',
    entities,
    title: 'Check my VM',
    text: `${HOW_TO} I report how the guest gets integration services, which features work, the known issues that apply and the best practices it misses.`,
    actions: [CHECK_VM_ACTION],
  });
}

/**
 * Until the collector's output arrives, what the message itself shows of the guest ("SLES 15 SP2" pasted from
 * os-release, "our centos 7.9 template") already has a support verdict: say it, so the user knows where they stand.
 */
function namedGuestLine(kb: KnowledgeBase, entities: Entities, question: string): string | undefined {
  if (!entities.distro) return undefined;
  return `From what you sent: ${decideVerdict(kb, verdictQuery(entities, question)).headline}`;
}

/** Findings a guest's name alone gives (its support, its end of life, its feature table): no sign the paste told anything. */
const FROM_THE_NAME_ALONE = new Set(RULE_CATALOGUE.filter((rule) => rule.category === 'platform').map((rule) => rule.id));
FROM_THE_NAME_ALONE.add('FEATURE_TABLE');

/**
 * The check of a pasted output, or undefined when it reads nothing the question should give way to. The host the
 * message names is one the paste rarely shows: the check judges against it. The guest the message names stands in
 * when the paste does not show which it is ("sles 11 sp3 vm never boots" above a Get-VM paste), but only findings
 * beyond what that name alone gives make the paste worth a report.
 */
function checkOfPaste(kb: KnowledgeBase, pasted: string, entities: Entities): CheckReport | undefined {
  const distro = GuestDistro.safeParse(entities.distro);
  // A collector report that does not show its guest takes one only when the message names the release too: a family
  // alone may be the reader's guess from the report's own kernel name.
  const unnamed = !distro.success || (isCollectorReport(pasted) && entities.version === undefined);
  const guest = unnamed ? undefined : { distro: distro.data, ...(entities.version ? { version: entities.version } : {}) };
  const { own, asNamed } = checkPaste(kb, pasted, entities.host ? { host: entities.host } : {}, guest);
  if (!asNamed) return readsSomething(pasted, own) ? own : undefined;
  const told = asNamed.findings.some((f) => !FROM_THE_NAME_ALONE.has(f.id));
  return readsSomething(pasted, own) || told ? asNamed : undefined;
}

/** Output the check reads nothing of (a shell session of other commands) leaves the question a question. */
function readsSomething(pasted: string, checked: CheckReport): boolean {
  return isCollectorReport(pasted) || checked.guest.distro !== undefined || checked.findings.length > 0;
}

function answerCheckQuestion({ kb, question, entities, pasted }: HandlerInput): Reply {
  // Pasted rather than uploaded: a chat message is small enough to check at once, as an upload's job would.
  const checked = pasted === undefined ? undefined : checkOfPaste(kb, pasted, entities);
  if (checked) {
    const report = reportToReply(kb, checked);
    // The report names the guest it read; the guest and host the output does not show, the message's names stand for,
    // and so does the release when the output shows the distribution but not which ("freebsd 13.2" above a kldstat).
    // (A feature the message names may be the paste's own words, so the report's reading of features stands.)
    const messageGuest =
      entities.distro !== undefined &&
      (!report.entities.distro ||
        (report.entities.distro === entities.distro && !report.entities.version && entities.version !== undefined));
    const guest = messageGuest ? { distro: entities.distro, ...(entities.version ? { version: entities.version } : {}) } : {};
    const host = entities.host && !report.entities.host ? { host: entities.host } : {};
    const named = messageGuest ? namedGuestLine(kb, entities, question) : undefined;
    return { ...report, ...(named ? { text: `${report.text}\n${named}` } : {}), entities: { ...report.entities, ...guest, ...host } };
  }
  const lower = question.toLowerCase();
  const named = namedGuestLine(kb, entities, question);
  const diagnostic = diagnosticTopic(question);
  const topics = TOPICS.filter((t) => t.pattern.test(lower)).map((t) => t.text);
  // Still an answer: the steps to collect and upload are what the user needs next.
  if (!diagnostic && topics.length === 0 && REFERS_TO_UPLOAD.test(lower)) {
    return reply({
      intent: 'guest_check',
      entities,
      title: 'Nothing to check yet',
      text: [`I see no collector output with this message. ${HOW_TO}`, named].filter(Boolean).join(' '),
      actions: [CHECK_VM_ACTION],
    });
  }
  if (!diagnostic && topics.length === 0 && !named) return checkVmReply(entities);
  return reply({
    intent: 'guest_check',
    entities,
    title: 'Check my VM',
    text: [diagnostic, ...topics, HOW_TO, named].filter(Boolean).join(' '),
    actions: [CHECK_VM_ACTION],
  });
}

export const guestCheckHandler: IntentHandler = {
  intent: 'guest_check',
  handle: answerCheckQuestion,
};
