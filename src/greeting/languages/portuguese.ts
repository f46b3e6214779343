import type { LanguagePhrases } from "./language-phrases.js";

/** Portuguese: Brazil and Portugal (personal caixa postal, Vivo, Claro, TIM, Oi, MEO, NOS, businesses). */
export const PORTUGUESE: LanguagePhrases = {
  name: "Portuguese",
  voicemail:
    // Where the call landed.
    "caixa postal|correio de voz|mensagem de voz|servico de mensagens|voce ligou para|voce esta ligando para|" +
    "ligou para o|" +
    // Not there.
    "nao esta disponivel|nao estou disponivel|indisponivel|nao posso atender|nao consigo atender|em reuniao|de ferias|" +
    // Leave a message.
    "deixe sua|deixe seu|deixe uma|deixe um|deixe mensagem|deixa a tua|deixa um|recado|grave sua|" +
    // The beep.
    "apos o sinal|apos o bipe|bipe|" +
    // Calling back.
    "retornarei|retorno assim que|assim que possivel|o mais rapido possivel|" +
    // Carriers.
    "o numero chamado|o numero que voce|a pessoa que voce|desligado|nao existe|fora da area|nao recebe chamadas|" +
    "tente novamente|encaminhada|" +
    // Businesses.
    "horario de atendimento|expediente|estamos fechados|sua ligacao e|digite",
  person:
    "quem fala|quem e|quem esta falando|com quem eu falo|da parte de quem|pois nao|em que posso|pode falar|" +
    "sou eu|o proprio|ele mesmo|me ouvindo|me ouve|nao estou ouvindo|alguem ai|desculpe a demora|engano|" +
    "nao tenho interesse",
  personGreetings: "ola|oi|sim|estou|bom dia|oi tudo bem",
};
