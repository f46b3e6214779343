import { defineConfig } from "vitest/config";

// Stryker runs the behaviour tests against each mutant. Left out, with reasons:
// - test/bundle and test/cli spawn or load the built files in dist/, which Stryker
//   does not rebuild per mutant, so they would test the unmutated code;
// - test/docs compile examples with tsc and regenerate docs from dist/, same reason;
// - property tests run thousands of cases each, and *.slow.test.ts files read inputs of a
//   million entries: too slow per mutant; the example tests pin the same behaviour;
// - the example receiver's test imports amd-flow/dialer from dist/;
// - the command line's and the simulator's tests run the core thousands of times per
//   test (every scenario, every step of every timed call), so every core mutant would
//   run them: that made a full run take over two hours on two cores. src/cli and
//   src/simulator are left out of the mutated files with them (stryker.config.json);
//   their exact-output tests and the coverage thresholds still hold them;
// - test/tooling tests the tools around src/ (the Stryker exclusions read src/, which
//   Stryker's sandbox holds instrumented), not src/ itself.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: [
      "test/**/*.prop.test.ts",
      "test/**/*.slow.test.ts",
      "test/bundle/**",
      "test/cli/cli.test.ts",
      "test/cli/built-cli.test.ts",
      "test/docs/**",
      "test/dialer/notify-receiver.test.ts",
      "test/cli/**",
      "test/simulator/**",
      "test/fixtures/timed-scenarios.test.ts",
      "test/tooling/**",
    ],
  },
});
