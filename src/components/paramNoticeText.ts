/** The words of a link-parameter notice (see `ParamIssue` for when one is raised). Pure. */
import { formatCount } from "../math/format";
import type { ParamIssue } from "../state/schema";

/** One issue in words; the raw value stays text. */
export function describeIssue(issue: ParamIssue): string {
  const given = `“${issue.name}” = “${issue.raw}”`;
  const main = (() => {
    switch (issue.action) {
      case "clamped":
        return `${given} is out of range: clamped to ${issue.used}.`;
      case "rounded":
        return `${given} is finer than the setting's step: rounded to ${issue.used}.`;
      case "reset":
        return `${given} is not a valid value: reset to ${issue.used}.`;
      case "too-long":
        return `“${issue.name}” is ${formatCount(issue.length ?? issue.raw.length)} characters long, longer than any valid value: reset to ${issue.used}.`;
      case "repeated":
        return `“${issue.name}” is given ${issue.count ?? 2} times: the first value, “${issue.raw}”, was used.`;
      case "cut":
        return `“${issue.name}” is longer than ${issue.limit ?? "allowed"} characters: only the first ${issue.limit ?? "part"} are shown.`;
      case "cleaned":
        return `“${issue.name}” held control or invisible formatting characters: they were removed.`;
    }
  })();
  return issue.count !== undefined && issue.action !== "repeated"
    ? `${main} It is given ${issue.count} times; only the first was read.`
    : main;
}
