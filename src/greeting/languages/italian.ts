import type { LanguagePhrases } from "./language-phrases.js";

/** Italian: personal segreterie, TIM, Vodafone, WindTre, Iliad, and offices. */
export const ITALIAN: LanguagePhrases = {
  name: "Italian",
  voicemail:
    // Where the call landed.
    "segreteria|casella vocale|hai raggiunto|ha raggiunto|" +
    // Not there.
    "raggiungibile|non e disponibile|non disponibile|non sono disponibile|non posso rispondere|al momento non|" +
    "in ferie|" +
    // Leave a message.
    "lasciate|lascia un|lasciami un|" +
    // The beep.
    "dopo il segnale|segnale acustico|" +
    // Calling back.
    "richiamero|al piu presto|appena possibile|" +
    // Carriers.
    "da lei chiamato|inesistente|spento|di richiamare|" +
    // Businesses.
    "sono chiusi|siamo chiusi|orari di apertura|i nostri operatori|prema",
  person:
    "chi parla|chi e|con chi parlo|mi dica|sono io|come posso aiutarla|mi sente|non la sento|ce qualcuno|" +
    "pronto pronto|scusi lattesa|non mi interessa",
  personGreetings: "pronto|dica|prego|buongiorno|ciao",
};
