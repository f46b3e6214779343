import { describe, expect, it } from "vitest";
import { normalizeGreeting } from "../../src/index.js";

describe("normalizeGreeting", () => {
  it.each([
    ["lower case", "HELLO, This Is SAM", "hello this is sam"],
    ["accents", "Después del tono, déjame un mensaje", "despues del tono dejame un mensaje"],
    [
      "German",
      "Grüß Gott, Sie sind mit der Mailbox von Jürgen Müller verbunden",
      "gruß gott sie sind mit der mailbox von jurgen muller verbunden",
    ],
    [
      "French",
      "Bonjour, vous êtes bien chez Hélène, laissez-moi un message après le bip",
      "bonjour vous etes bien chez helene laissez moi un message apres le bip",
    ],
    ["Portuguese", "Você ligou para a caixa postal, após o sinal", "voce ligou para a caixa postal apos o sinal"],
    ["the Spanish ñ and ç", "Señal, façade", "senal facade"],
    ["letters without accents kept", "Æ ø ß ð þ œ ł", "æ ø ß ð þ œ ł"],
    ["accents as combining marks", "Despue\u0301s", "despues"],
    ["a dotted capital I", "İstanbul", "istanbul"],
    ["the ASCII apostrophe", "I can't, you've", "i cant youve"],
    ["the right single quotation mark", "I can\u2019t", "i cant"],
    ["the left single quotation mark", "\u2018twas", "twas"],
    ["the modifier letter apostrophe", "can\u02bct", "cant"],
    ["an apostrophe between words", "qui est à l'appareil", "qui est a lappareil"],
    ["punctuation", "¿Quién habla? ¡Hola! (Sí) «oui» “yes” — no…", "quien habla hola si oui yes no"],
    ["symbols", "50% off & more: a+b=c #1 @home ~ $5 €5 → ✓", "50 off more a b c 1 home 5 5"],
    ["runs of white space", "  leave \t\n a \r\n  message  ", "leave a message"],
    ["no-break and other spaces", "leave\u00a0a\u2003message\u3000now\ufeff", "leave a message now"],
    ["control characters", "leave\u0000a\u0007message\u0085now\u200bthen\u202e", "leave a message now then"],
    ["digits", "Call 555-0123 after 9:30", "call 555 0123 after 9 30"],
    ["emoji", "hi😀there 👋", "hi there"],
    ["a lone surrogate", "hi\ud800there\udc00", "hi there"],
    ["Cyrillic", "Привет, оставьте сообщение", "привет оставьте сообщение"],
    ["Cyrillic letters with marks", "Йошкар-Ола", "иошкар ола"],
    ["Greek, final sigma and all", "ΟΔΥΣΣΕΥΣ;", "οδυσσευς"],
    ["CJK", "你好，请留言。", "你好 请留言"],
    ["Hangul syllables", "안녕하세요", "안녕하세요"],
    ["kana with voicing marks", "もしもし、がんばって", "もしもし がんばって"],
    ["Arabic", "مرحبا، اترك رسالة؟", "مرحبا اترك رسالة"],
    ["Hebrew and Devanagari punctuation", "שלום׃ नमस्ते।", "שלום नमस्ते"],
    ["fullwidth punctuation", "ｈｉ！ok？", "ｈｉ ok"],
    [
      "the documented example",
      "Hi, you've reached Sam -- I can't come to the phone!",
      "hi youve reached sam i cant come to the phone",
    ],
    ["the empty string", "", ""],
    ["only separators", " ,.!? \n", ""],
  ])("folds %s", (_what, text, expected) => {
    expect(normalizeGreeting(text)).toBe(expected);
  });

  it("reads the first 1000 characters only", () => {
    expect(normalizeGreeting(`${"a".repeat(999)}bc`)).toBe(`${"a".repeat(999)}b`);
    expect(normalizeGreeting(`${"a ".repeat(500)}beep`)).toBe(`${"a ".repeat(499)}a`);
    expect(normalizeGreeting("x".repeat(1_000_000))).toBe("x".repeat(1000));
  });

  it("gives the empty string for anything but a string", () => {
    for (const value of [undefined, null, 42, true, {}, ["hello"], new String("hello"), Symbol("hi")]) {
      expect(normalizeGreeting(value)).toBe("");
    }
  });

  it("leaves normalised text as it is", () => {
    for (const text of ["hi youve reached sam", "despues del tono", "gruß gott", "привет", "你好 请留言", ""]) {
      expect(normalizeGreeting(text)).toBe(text);
    }
  });
});
