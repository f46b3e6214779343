// The floor for the bot bundle benchmark: what a bot team writes by hand today, a
// switch on the latest AMD event with no validation, no policy and no explanation.
// amd-flow's bundle is measured against it in the same run; keep it small and plain.
var Floor = (function () {
  function names(session) {
    var out = [];
    var info = session && session.amdInfo;
    var events = (info && info.amdEvents) || [];
    for (var i = 0; i < events.length; i++) {
      var entry = events[i];
      var name = typeof entry === "string" ? entry : entry && (entry.type || entry.event || entry.name);
      if (typeof name === "string") out.push(name.trim().toLowerCase());
    }
    if (typeof session.amd === "string") out.push(session.amd.trim().toLowerCase());
    return out;
  }
  function routeCall(context) {
    var session = (context && context.session && context.session.UserSession) || {};
    var seen = names(session);
    var action = "continue";
    for (var i = 0; i < seen.length; i++) {
      switch (seen[i]) {
        case "amd_tone_detected":
        case "amd_machine_stopped_speaking":
          return { action: "leave-voicemail" };
        case "amd_machine_detected":
          action = "wait";
          break;
        case "amd_human_detected":
        case "amd_no_speech_detected":
        case "amd_decision_timeout":
        case "amd_error":
        case "amd_stopped":
          break;
      }
    }
    return { action: action };
  }
  return { routeCall: routeCall };
})();
