import type { LanguagePhrases } from "./language-phrases.js";

/** Spanish: Spain and Latin America (personal voicemail, Movistar, Telcel, Claro and others, businesses). */
export const SPANISH: LanguagePhrases = {
  name: "Spanish",
  voicemail:
    // Where the call landed.
    "buzon|correo de voz|mensaje de voz|contestador|contestadora|ha llamado a|ha llamado al|has llamado a|" +
    "has llamado al|se ha comunicado con|te has comunicado con|" +
    // Not there.
    "no esta disponible|no estoy disponible|no se encuentra disponible|no disponible|no me encuentro|no puedo atender|" +
    "no podemos atender|no puedo contestar|atender tu llamada|atender su llamada|en otra llamada|de vacaciones|" +
    // Leave a message.
    "deje su|deje un|deja tu|deja un|dejame un|dejame tu|dejeme un|dejeme su|dejar un mensaje|grabe su|" +
    // The beep.
    "despues del tono|despues de la senal|tras la senal|el tono|pitido|" +
    // Calling back.
    "te devolvere|le devolvere|te llamare|lo antes posible|en cuanto pueda|" +
    // Carriers.
    "el numero que usted marco|el numero marcado|al que llama|el abonado|apagado|fuera de servicio|fuera del area|" +
    "area de cobertura|no existe|desviada|" +
    // Businesses.
    "horario|cerrados|cerradas|su llamada es|oprima",
  person:
    "quien habla|quien es|quien llama|con quien|de parte de quien|al habla|" +
    "con el habla|con ella habla|digame|a sus ordenes|en que le puedo|en que puedo|le atiende|me escucha|me escuchas|" +
    "me oye|me oyes|no le escucho|no te escucho|se oye mal|hay alguien|hola hola|bueno bueno|perdon por la demora|" +
    "disculpe la demora|que desea|que se le ofrece|numero equivocado|no me interesa",
  personGreetings: "hola|diga|bueno|si|alo|mande|buenas|buenos dias",
};
