import type { LanguagePhrases } from "./language-phrases.js";

/** English: personal voicemail, US, UK and Australian carriers, businesses after hours and their phone menus. */
export const ENGLISH: LanguagePhrases = {
  name: "English",
  voicemail:
    // Who you have reached.
    "you have reached|youve reached|you reached|voicemail|voice mail|mailbox|answering machine|answering service|" +
    "messagebank|message bank|" +
    // Not there.
    "not available|unavailable|take your call|cant take|cannot take|not able to take|im unable to|unable to answer|" +
    "cant answer|cannot answer|cant come to|cant get to|away from|im away|im either|out of the office|out of office|" +
    "im out of the|ill be out of|not home|not here right now|im not here|were not here|on the other line|on vacation|" +
    "out of town|missed your call|sorry i missed you|" +
    // Leave a message.
    "leave a message|leave a|leave me a|leave us a|leave your|please leave|name and number|record your|send me a text|" +
    "text me|you know what to do|" +
    // The beep.
    "after the tone|at the tone|the tone|beep|" +
    // Calling back.
    "get back to you|return your call|as soon as possible|as soon as i can|" +
    // Carriers.
    "the person you|the number you|the customer you|customer you are calling|you are calling is|subscriber|" +
    "not in service|disconnected|cannot be completed|try again later|forwarded|not been set up|" +
    // Businesses.
    "your call is|your call has|our office is|office is closed|we are closed|were closed|currently closed|now closed|closed for|" +
    "business hours|our hours|press 1|press one|for english|office hours|our offices|we are currently|all of our|" +
    "im currently|i am currently|if you are calling|if youre calling|if you know your|for billing|please listen|" +
    "menu options|medical emergency|cant talk right now",
  person:
    "speaking|this is he|this is she|how can i help|how may i help|how can i|how may i|how can we help|how may we help|" +
    "what can i do for you|can i help you|may i help you|who is this|whos this|who is calling|whos calling|whos there|" +
    "who am i|who are you|can you hear|are you there|anyone there|anybody there|hello hello|cant hear you|breaking up|" +
    "sorry it took me|took me a while|took me so long|sorry for the wait|hold on|hang on|one second|just a second|" +
    "whats this about|what is this about|what do you|whats going on|is this about|can you hold|just walked in|stop calling|not interested|wrong number|missed call",
  personGreetings: "yes|yeah|hello|hi|hey|go ahead|good morning|good afternoon",
};
