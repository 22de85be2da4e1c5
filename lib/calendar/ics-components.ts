/**
 * Stage 2 of reading an iCalendar file: content lines → a tree of components
 * (VCALENDAR ⊃ VEVENT, VTIMEZONE ⊃ STANDARD/DAYLIGHT, VALARM …). Pure; never throws.
 *
 * File-level problems (not an iCalendar file, unbalanced BEGIN/END, a file cut off before
 * END:VCALENDAR, too large) are errors: importing half a file could silently replace a full
 * earlier import. A malformed property line is attached to the component it sits in, so only
 * that event is skipped (and reported with its line number).
 */
import { isProblem, parseContentLine, unfoldLines, type ContentLine, type LineProblem } from './ics-lines';
import { MAX_DEPTH, MAX_EVENTS, MAX_ICS_CHARS } from './limits';

export interface IcsComponent {
  name: string;
  /** Line of BEGIN. */
  line: number;
  props: ContentLine[];
  children: IcsComponent[];
  /** Lines inside this component (not its children) that could not be read. */
  problems: LineProblem[];
}

export interface IcsError {
  message: string;
  /** 1-based line number when the problem has one. */
  line?: number;
}

export type ComponentsResult =
  { ok: true; calendars: IcsComponent[]; problems: LineProblem[]; eventCount: number } | { ok: false; error: IcsError };

export function readComponents(text: string): ComponentsResult {
  if (typeof text !== 'string') return { ok: false, error: { message: 'The file could not be read as text.' } };
  if (text.length > MAX_ICS_CHARS) {
    return {
      ok: false,
      error: {
        message: `The file is too large (${(text.length / 1024 / 1024).toFixed(1)} MB; at most ${MAX_ICS_CHARS / 1024 / 1024} MB). Export a shorter date range or a single calendar.`,
      },
    };
  }
  const lines = unfoldLines(text);
  if (lines.length === 0) return { ok: false, error: { message: 'The file is empty.' } };

  const first = parseContentLine(lines[0]!);
  if (isProblem(first) || first.name !== 'BEGIN' || first.value.trim().toUpperCase() !== 'VCALENDAR') {
    return {
      ok: false,
      error: {
        message: `This is not an iCalendar (.ics) file: line ${lines[0]!.line} should be BEGIN:VCALENDAR.`,
        line: lines[0]!.line,
      },
    };
  }

  const calendars: IcsComponent[] = [];
  const problems: LineProblem[] = [];
  const stack: IcsComponent[] = [];
  let eventCount = 0;
  for (const u of lines) {
    const cl = parseContentLine(u);
    const top = stack[stack.length - 1];
    if (isProblem(cl)) {
      if (top) top.problems.push(cl);
      else problems.push(cl);
      continue;
    }
    if (cl.name === 'BEGIN') {
      const name = cl.value.trim().toUpperCase();
      if (!/^[A-Z0-9-]+$/.test(name))
        return { ok: false, error: { message: `Line ${cl.line}: BEGIN without a component name.`, line: cl.line } };
      if (!top && name !== 'VCALENDAR') {
        return {
          ok: false,
          error: {
            message: `Line ${cl.line}: BEGIN:${name} outside a calendar (expected BEGIN:VCALENDAR).`,
            line: cl.line,
          },
        };
      }
      if (stack.length >= MAX_DEPTH)
        return { ok: false, error: { message: `Line ${cl.line}: components are nested too deeply.`, line: cl.line } };
      if (name === 'VEVENT' && ++eventCount > MAX_EVENTS) {
        return {
          ok: false,
          error: {
            message: `The file has more than ${MAX_EVENTS.toLocaleString('en-US')} events. Export a shorter date range.`,
            line: cl.line,
          },
        };
      }
      const comp: IcsComponent = { name, line: cl.line, props: [], children: [], problems: [] };
      if (top) top.children.push(comp);
      else calendars.push(comp);
      stack.push(comp);
      continue;
    }
    if (cl.name === 'END') {
      const name = cl.value.trim().toUpperCase();
      if (!top)
        return {
          ok: false,
          error: { message: `Line ${cl.line}: END:${name} without a matching BEGIN.`, line: cl.line },
        };
      if (top.name !== name) {
        return {
          ok: false,
          error: {
            message: `Line ${cl.line}: END:${name} does not match BEGIN:${top.name} on line ${top.line}.`,
            line: cl.line,
          },
        };
      }
      stack.pop();
      continue;
    }
    if (!top) {
      problems.push({ line: cl.line, message: `Line ${cl.line}: ${cl.name} outside a calendar was ignored.` });
      continue;
    }
    top.props.push(cl);
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1]!;
    return {
      ok: false,
      error: {
        message: `The file ends before END:${open.name} (BEGIN on line ${open.line}); it may have been cut off. Export it again.`,
        line: open.line,
      },
    };
  }
  return { ok: true, calendars, problems, eventCount };
}

/** First property named `name`. */
export function prop(c: IcsComponent, name: string): ContentLine | undefined {
  return c.props.find((p) => p.name === name);
}

/** Every property named `name`. */
export function props(c: IcsComponent, name: string): ContentLine[] {
  return c.props.filter((p) => p.name === name);
}
