import { routeCall } from "../index.js";
import { scenarioFixtures } from "../fixtures/index.js";

for (const s of scenarioFixtures) {
  const d = routeCall(s.context, undefined, s.options);
  console.log(s.id, d.action, d.reason, d.explanation);
}
