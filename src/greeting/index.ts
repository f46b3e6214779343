// What a greeting's words say: the lexicon of voicemail and live-person phrases, and the
// matcher. Re-exported by the package entry (src/index.ts).
export { type GreetingClues, greetingClues } from "./greeting-clues.js";
export { normalizeGreeting } from "./normalize-greeting.js";
export { PERSON_GREETINGS, PERSON_PHRASES, VOICEMAIL_PHRASES } from "./phrases.js";
