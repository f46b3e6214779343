// The documented calls among the notification fixtures, by conversation id.
import { notificationFixtures } from "../../src/fixtures/index.js";

/** The documented voicemail call's conversation id. */
export const VOICEMAIL_CALL = "433a9a58-44eb-4c56-bb3e-ab2415f0xxxx";
/** The documented person's call's conversation id. */
export const HUMAN_CALL = "6d2b7c1e-2f4a-4b8e-9a51-7c0e3f9dxxxx";

/** The notification bodies of one call, in fixture order. */
export const bodiesOf = (conversationId: string): Record<string, unknown>[] =>
  notificationFixtures
    .filter((fixture) => fixture.body["conversationId"] === conversationId)
    .map((fixture) => fixture.body);
