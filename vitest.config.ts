import { defineConfig } from "vitest/config";

// Three projects, as remeda does: behaviour (unit), laws over generated input
// (property, slower, fixed seed printed on failure) and types (checked by tsc, never run).
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
        "src/bot-globals.ts",
        "src/cli/main.ts",
      ],
      reporter: ["text-summary", "json-summary"],
      reportsDirectory: "reports/coverage",
      thresholds: { statements: 95, branches: 95 },
    },
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.prop.test.ts"],
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
