// TEMPORARY stand-in until the lexicon branch lands: the same API, a handful of phrases.
export interface GreetingClues {
  readonly voicemail?: string;
  readonly person?: string;
}
const VOICEMAIL = [
  "leave a message",
  "leave your",
  "not available",
  "voicemail",
  "after the tone",
  "you have reached",
  "youve reached",
  "cant take your call",
  "cant come to the phone",
  "mailbox",
  "buzon",
  "deje su mensaje",
  "nach dem signalton",
  "laissez un message",
  "deixe sua mensagem",
];
const PERSON = [
  "speaking",
  "how can i help",
  "how may i help",
  "who is this",
  "whos calling",
  "can you hear me",
  "sorry it took me",
  "quien habla",
  "wer spricht",
  "am apparat",
  "quem fala",
];
export function normalizeGreeting(text: string): string {
  return text
    .slice(0, 1000)
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’‘ʼ]/g, "")
    .replace(/[^a-z0-9\u00c0-\uffff]+/g, " ")
    .trim();
}
function find(text: string, list: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const phrase of list)
    if (` ${text} `.indexOf(` ${phrase} `) !== -1 && (best === undefined || phrase.length > best.length)) best = phrase;
  return best;
}
export function greetingClues(text: unknown): GreetingClues {
  if (typeof text !== "string") return {};
  const normal = normalizeGreeting(text);
  const clues: { voicemail?: string; person?: string } = {};
  const voicemail = find(normal, VOICEMAIL);
  if (voicemail !== undefined) clues.voicemail = voicemail;
  const person = find(normal, PERSON);
  if (person !== undefined) clues.person = person;
  return clues;
}
