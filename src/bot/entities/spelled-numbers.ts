/**
 * Versions and hosts spelt out, as phones and dictation write them: "rhel seven point four" is rhel 7.4, "ubuntu
 * twenty oh four" 20.04, "server twenty nineteen" 2019, "sles twelve service pack five" sles 12 sp5. A lone number
 * word becomes digits only after a word that takes a version ("centos seven"); "one of my two vms" stays as it is.
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ANY_NUMBER_WORD =
  /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/;

/** Words after which a lone number is a version or a host: family names and their shorthand, "server", "sp". */
const TAKES_A_VERSION = new Set(
  'rhel redhat hat enterprise centos cent os oracle linux ol oel sles suse opensuse leap ubuntu debian freebsd bsd server windows win sp lis version release kernel uek r hyper-v v vee'.split(
    ' ',
  ),
);
/** The Hyper-V host years a "twenty …" can name. */
const HOST_YEARS = new Set([2008, 2012, 2016, 2019, 2022, 2025]);

/** A number of one or two words at `at` ("nine", "twenty two"), and how many words it took. */
function numberAt(words: readonly string[], at: number): { value: number; used: number } | undefined {
  const word = words[at];
  if (word === undefined) return undefined;
  const unit = UNITS[word];
  if (unit !== undefined) return { value: unit, used: 1 };
  const tens = TENS[word];
  if (tens === undefined) return undefined;
  const next = UNITS[words[at + 1] ?? ''];
  return next !== undefined && next > 0 && next < 10 ? { value: tens + next, used: 2 } : { value: tens, used: 1 };
}

/** A year: "twenty nineteen", "twenty twenty two", "twenty oh eight", "two thousand twelve". */
function yearAt(words: readonly string[], at: number): { value: number; used: number } | undefined {
  if (words[at] === 'twenty') {
    if (words[at + 1] === 'oh' && words[at + 2] === 'eight') return { value: 2008, used: 3 };
    const rest = numberAt(words, at + 1);
    if (rest && rest.value >= 10 && HOST_YEARS.has(2000 + rest.value)) return { value: 2000 + rest.value, used: 1 + rest.used };
  }
  if (words[at] === 'two' && words[at + 1] === 'thousand') {
    const skip = words[at + 2] === 'and' ? 1 : 0;
    const rest = numberAt(words, at + 2 + skip);
    if (rest && HOST_YEARS.has(2000 + rest.value)) return { value: 2000 + rest.value, used: 2 + skip + rest.used };
  }
  return undefined;
}

/** A version: "seven point four", "four point three point five", "fourteen oh four", "thirteen ten" after ubuntu. */
function versionAt(words: readonly string[], at: number, previous: string | undefined): { text: string; used: number } | undefined {
  const first = numberAt(words, at);
  if (!first) return undefined;
  let text = String(first.value);
  let used = first.used;
  let compound = false;
  for (;;) {
    const joiner = words[at + used];
    if (joiner === 'point' || joiner === 'dot') {
      // "twelve point oh four" is 12.04; "point oh" alone is .0.
      const ohThen = words[at + used + 1] === 'oh' ? numberAt(words, at + used + 2) : undefined;
      if (ohThen && ohThen.value < 10) {
        text += `.0${ohThen.value}`;
        used += 2 + ohThen.used;
        compound = true;
        continue;
      }
      const part = words[at + used + 1] === 'oh' ? { value: 0, used: 1 } : numberAt(words, at + used + 1);
      if (!part) break;
      text += `.${part.value}`;
      used += 1 + part.used;
      compound = true;
    } else if (joiner === 'oh') {
      const part = numberAt(words, at + used + 1);
      if (!part || part.value > 9) break;
      text += `.0${part.value}`;
      used += 1 + part.used;
      compound = true;
    } else break;
  }
  if (!compound && previous === 'ubuntu' && words[at + used] === 'ten' && first.value >= 10) {
    return { text: `${first.value}.10`, used: used + 1 };
  }
  // "the ubuntu one", "the centos one ignores it": no release is numbered one, but a service pack is.
  if (!compound && text === '1' && previous !== 'sp') return undefined;
  return compound || TAKES_A_VERSION.has(previous ?? '') ? { text, used } : undefined;
}

/** "hyper vee": dictation's spelling of Hyper-V. */
const HYPER_VEE = /\bhyper[\s-]?vee\b/g;

const HYPHENATED = /\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)\b/g;

const TWO_FIFTY_SIX = /\btwo (?:hundred (?:and )?)?fifty[- ]six\b/g;

/** "rhel 7 point 5": digits joined by a spoken point. */
const DIGITS_POINT = /\b(\d{1,2}) (?:point|dot) (\d{1,2})\b/g;

export function withSpelledNumbersAsDigits(text: string): string {
  if (text.includes('vee')) text = text.replace(HYPER_VEE, 'hyper-v');
  if (text.includes(' point ') || text.includes(' dot ')) text = text.replace(DIGITS_POINT, '$1.$2');
  if (!ANY_NUMBER_WORD.test(text)) return text;
  // "more than two fifty six vcpus": the one count past a hundred the matrix has a row for.
  if (text.includes('fifty')) text = text.replace(TWO_FIFTY_SIX, '256');
  // "twenty twenty-five": a hyphenated number is read as its two words.
  if (text.includes('-')) text = text.replace(HYPHENATED, '$1 $2');
  const raw = text.split(/\s+/);
  // Matched without the punctuation chat puts around words ("nineteen?", "(seven").
  const words = raw.map((w) => w.replace(/^[^a-z0-9]+|[^a-z0-9-]+$/g, ''));
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const previous = out[out.length - 1];
    if (words[i] === 'service' && words[i + 1] === 'pack') {
      out.push('sp');
      i += 2;
      continue;
    }
    const year = yearAt(words, i);
    if (year) {
      out.push(String(year.value));
      i += year.used;
      continue;
    }
    const version = versionAt(words, i, previous);
    if (version) {
      // "sp five" and "r two" are written sp5 and r2, the way service packs and R2 hosts are read.
      if ((previous === 'sp' || previous === 'r') && !version.text.includes('.')) out[out.length - 1] = `${previous}${version.text}`;
      else out.push(version.text);
      i += version.used;
      continue;
    }
    out.push(raw[i]!);
    i++;
  }
  return out.join(' ');
}
