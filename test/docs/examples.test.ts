// Every public name has a description and an @example, and every example compiles:
// the examples in doc comments and the `ts` blocks of the guides are extracted and
// type-checked against the source, imported by the package's own names.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../..", import.meta.url).pathname;
const ENTRY_POINTS = {
  "amd-flow": "src/index.ts",
  "amd-flow/fixtures": "src/fixtures/index.ts",
  "amd-flow/dialer": "src/dialer/index.ts",
  "amd-flow/simulator": "src/simulator/index.ts",
};

function filesUnder(dir: string, ending: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ending))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

interface Example {
  readonly where: string;
  readonly code: string;
}

function examplesInSource(file: string): Example[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const examples: Example[] = [];
  for (const comment of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const body = comment
      .split("\n")
      .map((line) => line.replace(/^\s*\/?\*+\/?\s?/, ""))
      .join("\n");
    for (const block of body.matchAll(/@example\s*\n```ts\n([\s\S]*?)```/g)) {
      examples.push({
        where: `${file}:${text.slice(0, text.indexOf(comment)).split("\n").length}`,
        code: block[1] ?? "",
      });
    }
  }
  return examples;
}

function examplesInGuide(file: string): Example[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((block) => ({
    where: `${file}:${text.slice(0, block.index).split("\n").length}`,
    code: block[1] ?? "",
  }));
}

describe("documentation", () => {
  const program = ts.createProgram(
    Object.values(ENTRY_POINTS).map((file) => join(ROOT, file)),
    {
      strict: true,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      types: ["node"],
      resolveJsonModule: true,
    },
  );
  const checker = program.getTypeChecker();

  it.each(Object.entries(ENTRY_POINTS))("%s: every export has a description and an @example", (_name, file) => {
    const source = program.getSourceFile(join(ROOT, file));
    const module = source && checker.getSymbolAtLocation(source);
    expect(module).toBeDefined();
    const missing: string[] = [];
    for (const exported of checker.getExportsOfModule(module as ts.Symbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const description = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
      const hasExample = symbol.getJsDocTags(checker).some((tag) => tag.name === "example");
      if (description === "" || !hasExample)
        missing.push(
          `${exported.name}${description === "" ? " (no description)" : ""}${hasExample ? "" : " (no @example)"}`,
        );
    }
    expect(missing).toEqual([]);
  });

  it("every example compiles", () => {
    const examples = [
      ...filesUnder("src", ".ts").flatMap(examplesInSource),
      ...["README.md", ...filesUnder("docs", ".md")].flatMap(examplesInGuide),
    ];
    const tagged = filesUnder("src", ".ts").reduce(
      (count, file) => count + (readFileSync(join(ROOT, file), "utf8").match(/@example\b/g) ?? []).length,
      0,
    );
    expect(examples.filter((example) => example.where.startsWith("src/")).length).toBe(tagged);
    const dir = join(ROOT, "node_modules/.cache/amd-flow-examples");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const index: string[] = [];
    examples.forEach((example, n) => {
      const name = `example-${n}.ts`;
      index.push(`${name}\t${example.where}`);
      // Each example is its own module, so their names cannot clash.
      writeFileSync(join(dir, name), `// ${example.where}\n${example.code}\nexport {};\n`);
    });
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        extends: join(ROOT, "tsconfig.json"),
        compilerOptions: {
          paths: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([name, file]) => [name, [join(ROOT, file)]])),
        },
        include: ["*.ts"],
      }),
    );
    let output = "";
    try {
      execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", dir], { encoding: "utf8" });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
      for (const line of index) {
        const [name, where] = line.split("\t");
        output = output.replaceAll(name ?? "", `${name} (${where})`);
      }
    }
    expect(output).toBe("");
  }, 60_000);
});
