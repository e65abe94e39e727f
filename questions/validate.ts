/**
 * Turns zod issues into messages a content author can act on: the file, the
 * entry (by its id when it has one) and the field.
 */
import type { z } from "zod";

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: invalid content\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ContentError";
  }
}

type PathSegment = PropertyKey;

function describeEntry(data: unknown, path: readonly PathSegment[]): string {
  // Name the first array element on the path by its id, so that
  // "entry 12" also reads as "entry maison-mere".
  let node: unknown = data;
  const trail: string[] = [];
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === "number") {
      const item: unknown = node[segment];
      const id =
        item && typeof item === "object" && "id" in item && typeof item.id === "string"
          ? ` (id "${item.id}")`
          : "";
      trail.push(`entry ${segment}${id}`);
      node = item;
    } else if (node && typeof node === "object") {
      trail.push(`field "${String(segment)}"`);
      node = (node as Record<PropertyKey, unknown>)[segment];
    } else {
      trail.push(`field "${String(segment)}"`);
      node = undefined;
    }
  }
  return trail.length ? trail.join(", ") : "top level";
}

export function formatIssues(data: unknown, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${describeEntry(data, issue.path)}: ${issue.message}`);
}

/** Parses `data` with `schema`, or throws a ContentError naming file, entry and field. */
export function parseContent<T extends z.ZodType>(schema: T, data: unknown, file: string): z.infer<T> {
  const result = schema.safeParse(data);
  if (!result.success) throw new ContentError(file, formatIssues(data, result.error.issues));
  return result.data;
}
