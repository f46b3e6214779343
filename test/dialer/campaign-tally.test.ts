import { describe, expect, it } from "vitest";
import { CampaignTally } from "../../src/dialer/campaign-tally.js";
import { summarizeCall } from "../../src/dialer/index.js";
import { countedCall } from "../../src/dialer/usable-summaries.js";
import { bodiesOf, HUMAN_CALL as HUMAN } from "../support/notifications.js";

describe("CampaignTally", () => {
  const person = summarizeCall(bodiesOf(HUMAN));

  it.each(["machine", "fax"] as const)("counts no answered call AMD found a %s in as a live answer", (kind) => {
    const tally = new CampaignTally();
    const answered = countedCall({
      ...person,
      endedBy: "voice-gateway",
      amd: { ...person.amd, kind, phase: "greeting" },
    });
    expect(answered).toBeDefined();
    tally.add(answered as NonNullable<typeof answered>);
    expect(tally.figures([])).toMatchObject({
      calls: 1,
      liveAnswers: 0,
      liveAnswersEndedByGateway: 0,
      liveAnswersCutOff: 0,
      cutOffRate: 0,
    });
  });
});
