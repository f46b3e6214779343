import { Application } from "typedoc";

// The site's own typedoc plugin (typedoc.json "plugin"): two markdown-it rules.
//
// Headings keep their code in the page menu: typedoc names a heading in "On This Page"
// (and makes its anchor) from the heading's text tokens only, so "Branch on `action`
// in the transitions" was listed as "Branch on in the transitions". Each inline code
// token in a heading is given its text as a child, which typedoc reads, while the
// heading itself still renders the code from the token's content.
//
// Words in table cells stay whole: a browser may break a line after a hyphen or a slash
// even where no word may be broken (site.css), so "leave-voicemail" became "leave-" and
// "voicemail". In a table cell, each word holding one is wrapped in a span, and code
// holding one is given a class, that site.css keeps on one line; the text is unchanged,
// so copying it copies the word.

/**
 * Gives every inline code token of a heading a text child holding its code.
 * @param {{ core: { ruler: { push: (name: string, rule: (state: { tokens: any[] }) => void) => void } } }} parser markdown-it.
 */
export function headingCodeAsText(parser) {
  parser.core.ruler.push("heading_code_as_text", (state) => {
    state.tokens.forEach((token, index) => {
      if (token.type !== "inline" || state.tokens[index - 1]?.type !== "heading_open") return;
      for (const child of token.children ?? []) {
        if (child.type === "code_inline" && child.children === null) {
          child.children = [{ type: "text", content: child.content, children: null }];
        }
      }
    });
  });
}

/** A word with a place a browser may break a line at: after a hyphen, a dash or a slash. */
const BREAKABLE = /\S*[-‐–—/]\S+/g;

/**
 * Wraps each word of a table cell that holds a hyphen, a dash or a slash in
 * `<span class="nowrap">`, leaving its text as it is.
 * @param {{ core: { ruler: { push: (name: string, rule: (state: { tokens: any[], Token: any }) => void) => void } } }} parser markdown-it.
 */
export function tableWordsWhole(parser) {
  parser.core.ruler.push("table_words_whole", (state) => {
    let inCell = false;
    for (const token of state.tokens) {
      if (token.type === "td_open" || token.type === "th_open") inCell = true;
      else if (token.type === "td_close" || token.type === "th_close") inCell = false;
      else if (inCell && token.type === "inline" && token.children !== null) {
        token.children = token.children.flatMap((child) =>
          child.type === "text" ? split(child, state.Token) : [child],
        );
        // Code wraps at its spaces only: code holding a hyphen or a slash, or no space at all
        // (`[{},{},…]`, which a browser would break after a comma), stays on one line.
        for (const child of token.children) {
          if (child.type === "code_inline" && (/[-‐–—/]/.test(child.content) || !/\s/.test(child.content)))
            child.attrJoin("class", "nowrap");
        }
      }
    }
  });
}

/** A text token as text, and each breakable word of it between the span's tags. */
function split(text, Token) {
  const pieces = [];
  const html = (content) => Object.assign(new Token("html_inline", "", 0), { content });
  const plain = (content) => Object.assign(new Token("text", "", 0), { content });
  let last = 0;
  for (const match of text.content.matchAll(BREAKABLE)) {
    if (match.index > last) pieces.push(plain(text.content.slice(last, match.index)));
    pieces.push(html('<span class="nowrap">'), plain(match[0]), html("</span>"));
    last = match.index + match[0].length;
  }
  if (last === 0) return [text];
  if (last < text.content.length) pieces.push(plain(text.content.slice(last)));
  return pieces;
}

/** @param {import("typedoc").Application} app */
export function load(app) {
  // Once the options are read: typedoc resets them after loading plugins.
  app.on(Application.EVENT_BOOTSTRAP_END, () =>
    app.options.setValue("markdownItLoader", (parser) => {
      headingCodeAsText(parser);
      tableWordsWhole(parser);
    }),
  );
}
