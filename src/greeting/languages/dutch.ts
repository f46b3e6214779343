import type { LanguagePhrases } from "./language-phrases.js";

/** Dutch: the Netherlands and Flanders (personal voicemail, KPN, Vodafone, Odido, Proximus, offices). */
export const DUTCH: LanguagePhrases = {
  name: "Dutch",
  voicemail:
    // Where the call landed ("voicemail" and "mailbox" are in English).
    "antwoordapparaat|bent verbonden met|gebeld naar|" +
    // Not there.
    "niet bereikbaar|niet beschikbaar|niet opnemen|momenteel niet|ik ben er niet|op vakantie|" +
    // Leave a message.
    "spreek een|spreek uw|spreek je bericht|inspreken|een bericht|je bericht|" +
    // The beep.
    "na de piep|na de toon|pieptoon|" +
    // Calling back.
    "bel ik je terug|bel ik u terug|" +
    // Carriers.
    "het nummer dat u|gekozen nummer|niet in gebruik|de persoon die u|" +
    // Businesses.
    "openingstijden|gesloten|in gesprek|toets",
  person:
    "met wie spreek|wie is dit|wie is daar|wat kan ik voor u doen|hoe kan ik u helpen|waarmee kan ik|hoort u mij|" +
    "ik versta u niet|is daar iemand|spreekt u mee|zeg het maar|sorry dat het even duurde",
  personGreetings: "met wie|hoi|goedemorgen",
};
