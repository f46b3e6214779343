import { defineConfig } from "vitest/config";

/** Tests that load what `npm run build` wrote (dist/), or spawn it. */
const BUILT = [
  "test/bundle/**/*.test.ts",
  "test/docs/**/*.test.ts",
  "test/cli/cli.test.ts",
  "test/cli/built-cli.test.ts",
  // The example receiver imports amd-flow/dialer as a user would, from dist/.
  "test/dialer/notify-receiver.test.ts",
];

// Projects as remeda has them: behaviour (unit), laws over generated input (property,
// slower, fixed seed printed on failure) and types (checked by tsc, never run); plus the
// tests of the built files, kept out of the quick loop.
export default defineConfig({
  test: {
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      exclude: [
        // Re-exports only: nothing to run.
        "src/index.ts",
        "src/core.ts",
        "src/fixtures/index.ts",
        "src/dialer/index.ts",
        "src/simulator/index.ts",
        // Exist only in the bot bundle and the CLI binary; test/bundle and test/cli
        // exercise them through the built files, where coverage cannot see.
        "src/bot.ts",
        "src/cli/main.ts",
      ],
      reporter: ["text-summary", "json-summary"],
      reportsDirectory: "reports/coverage",
      thresholds: { statements: 95, branches: 95 },
    },
    projects: [
      {
        // The quick loop (npm run test:unit): behaviour, in-process, no build needed.
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.prop.test.ts", ...BUILT],
        },
      },
      {
        // What runs the built files (dist/): the bot bundle in a vm, the CLI binary
        // spawned, the docs compiled and regenerated. Spawning a process or tsc takes
        // seconds on a busy machine, so these get a timeout fitted to that.
        test: {
          name: "built",
          include: BUILT,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "property",
          include: ["test/**/*.prop.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "types",
          include: [],
          typecheck: { enabled: true, only: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
    ],
  },
});
