/**
 * The fenced code blocks of a Markdown file, with the hidden prelude a block may declare:
 * an HTML comment right before the fence (blank lines between are fine) whose text starts
 * with `prelude`. Rendered Markdown does not show it; the checker puts it above the block.
 *
 *     <!-- prelude
 *     declare const client: import("@epcc-sdk/sdks-shopper").Client;
 *     -->
 *     ```tsx
 *     const { data } = useQuery(cartQueries.cart({ client }, cartId));
 *     ```
 */

export interface CodeBlock {
  /** The fence's info string (`ts`, `tsx`, `sh`, ...); empty when the fence has none. */
  lang: string;
  code: string;
  /** 1-based line of the block's first code line in the Markdown file. */
  line: number;
  /** The nearest heading above the block, to name it in reports. */
  heading: string;
  /** Code from the block's hidden prelude, or `""`. */
  prelude: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/;
const HEADING = /^#{1,6}\s+(.*)$/;
const PRELUDE = /<!--\s*prelude\b([\s\S]*?)-->\s*$/;

export function codeBlocksOf(markdown: string): CodeBlock[] {
  const lines = markdown.split("\n");
  const blocks: CodeBlock[] = [];
  let heading = "(top)";
  for (let index = 0; index < lines.length; index += 1) {
    const text = lines[index]!;
    const title = HEADING.exec(text);
    if (title) {
      heading = title[1]!.trim();
      continue;
    }
    const fence = FENCE.exec(text);
    if (!fence) continue;
    const marker = fence[1]!;
    const start = index + 1;
    let end = start;
    while (end < lines.length && !lines[end]!.trimStart().startsWith(marker)) end += 1;
    blocks.push({
      lang: fence[2]!,
      code: lines.slice(start, end).join("\n"),
      line: start + 1,
      heading,
      prelude: preludeBefore(lines, index),
    });
    index = end;
  }
  return blocks;
}

/** The prelude comment that ends on the last non-blank line above the fence at `fenceIndex`. */
function preludeBefore(lines: string[], fenceIndex: number): string {
  let last = fenceIndex - 1;
  while (last >= 0 && lines[last]!.trim() === "") last -= 1;
  if (last < 0 || !lines[last]!.trimEnd().endsWith("-->")) return "";
  let first = last;
  while (first >= 0 && !lines[first]!.includes("<!--")) first -= 1;
  if (first < 0) return "";
  const comment = PRELUDE.exec(lines.slice(first, last + 1).join("\n"));
  return comment ? comment[1]!.trim() : "";
}
