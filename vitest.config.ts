import { defineConfig } from "vitest/config";

// Three projects, as remeda does: behaviour (unit), laws over generated input
// (property, slower, fixed seed printed on failure) and types (checked by tsc, never run).
export default defineConfig({
  test: {
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
