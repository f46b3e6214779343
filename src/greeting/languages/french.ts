import type { LanguagePhrases } from "./language-phrases.js";

/** French: France, Belgium, Switzerland and Canada (personal messageries, Orange, SFR, Bell, businesses). */
export const FRENCH: LanguagePhrases = {
  name: "French",
  voicemail:
    // Where the call landed.
    "messagerie|boite vocale|repondeur|vous etes bien|vous etes sur la|vous avez joint|vous avez appele|" +
    // Not there.
    "pas disponible|indisponible|absent|pas joignable|injoignable|pas repondre|en reunion|en deplacement|en vacances|" +
    // Leave a message.
    "laissez|laisse moi un|votre message|" +
    // The beep.
    "apres le bip|apres le signal|signal sonore|bip|" +
    // Calling back.
    "vous rappellerai|des que possible|" +
    // Carriers.
    "le numero que vous|votre correspondant|la personne que vous|que vous appelez|tentez de joindre|nest pas attribue|" +
    "ulterieurement|votre appel|" +
    // Businesses.
    "fermes|est ferme|veuillez patienter|tapez|appuyez",
  person:
    "qui est a lappareil|a lappareil|qui est ce|cest qui|qui parle|vous etes qui|de la part de qui|jecoute|" +
    "je vous ecoute|vous mentendez|je vous entends mal|allo allo|y a quelquun|en quoi puis je|cest pour quoi|" +
    "a quel sujet|lui meme|pour lattente|pas interesse",
  personGreetings: "allo|oui|oui allo|allo oui|oui bonjour|bonjour",
};
