import type { LanguagePhrases } from "./language-phrases.js";

/** German: Germany, Austria and Switzerland (personal mailboxes, Telekom, Vodafone, O2, Swisscom, offices). */
export const GERMAN: LanguagePhrases = {
  name: "German",
  voicemail:
    // Where the call landed ("Mailbox" is in English).
    "anrufbeantworter|sprachbox|combox|sprachnachricht|sie sind verbunden|verbunden mit|sie haben die nummer|" +
    "anschluss von|" +
    // Not there.
    "nicht erreichbar|nicht zu erreichen|nicht zu hause|gerade nicht da|nicht entgegennehmen|nicht annehmen|" +
    "nicht rangehen|ihren anruf|ist zurzeit nicht|im urlaub|" +
    // Leave a message.
    "hinterlassen|hinterlass|eine nachricht|ihre nachricht|aufs band|bitte sprechen sie|" +
    // The beep.
    "signalton|piepton|nach dem ton|nach dem piep|" +
    // Calling back.
    "rufe sie zuruck|melde mich|so schnell wie moglich|" +
    // Carriers.
    "der teilnehmer|gesprachspartner|kein anschluss|die rufnummer|nicht vergeben|weitergeleitet|" +
    // Businesses.
    "unsere praxis ist|geschaftszeiten|offnungszeiten|geschlossen",
  person:
    "wer ist da|wer spricht|wer ist dran|mit wem spreche|worum geht|was kann ich fur sie tun|" +
    "wie kann ich ihnen helfen|wie kann ich|womit kann ich|am apparat|ja bitte|horen sie mich|hallo hallo|" +
    "ist da jemand|ich hore sie nicht|wie bitte|kein interesse|sie haben angerufen|hat etwas gedauert",
  personGreetings: "ja|hallo|ja hallo|guten tag|servus|moin",
};
