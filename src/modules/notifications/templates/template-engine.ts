import { Liquid, type FS, type Template } from 'liquidjs';
import { formatDate, formatDateTime, formatMoney, formatTime, type MessageFormat } from './locale-format';

/** HTML renders escape every output (`<` → `&lt;`); text renders (plain-text part, subject, SMS) write values as they are. */
export type Markup = 'html' | 'text';

/** A template that cannot be saved: bad syntax, a tag or filter we do not offer. */
export class TemplateSyntaxError extends Error {}

/** A template that failed while rendering: it ran past a limit. */
export class TemplateRenderError extends Error {}

/** Logic-less Liquid only: no tag that reads files or other templates (include, render, layout, block). */
const ALLOWED_TAGS = new Set([
  'assign',
  'capture',
  'case',
  'comment',
  '#',
  'cycle',
  'decrement',
  'increment',
  'echo',
  'for',
  'break',
  'continue',
  'if',
  'unless',
  'liquid',
  'raw',
  'tablerow',
]);
const FILE_TAGS = new Set(['include', 'render', 'layout', 'block']);
/** Liquid's own date filters format in the server's zone and English: ours (`date`, `time`, `datetime`) replace them. */
const REMOVED_FILTERS = ['date_to_xmlschema', 'date_to_rfc822', 'date_to_string', 'date_to_long_string'];

/** Limits that keep one template from holding the server: source size, render time, allocations, output size. */
export const TEMPLATE_LIMITS = { sourceChars: 200_000, renderMs: 250, memory: 10_000_000, outputChars: 500_000 };

/** Where a render's message format travels: a symbol key, so no template can name it. */
const FORMAT = Symbol('messageFormat');

/** The file system the engine sees: nothing exists, nothing can be read. */
const NO_FILES: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async (file) => {
    throw new TemplateSyntaxError(`Templates cannot read files (${file})`);
  },
  readFileSync: (file) => {
    throw new TemplateSyntaxError(`Templates cannot read files (${file})`);
  },
  resolve: (_dir, file) => file,
  contains: async () => false,
  containsSync: () => false,
};

function formatOf(context: { globals: object }): MessageFormat {
  const fmt = (context.globals as { [FORMAT]?: MessageFormat })[FORMAT];
  if (!fmt) throw new TemplateRenderError('A template was rendered without a message format');
  return fmt;
}

function createEngine(markup: Markup): Liquid {
  const liquid = new Liquid({
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    outputEscape: markup === 'html' ? 'escape' : undefined,
    root: [],
    partials: [],
    layouts: [],
    relativeReference: false,
    dynamicPartials: false,
    fs: NO_FILES,
    cache: false,
    parseLimit: TEMPLATE_LIMITS.sourceChars,
    renderLimit: TEMPLATE_LIMITS.renderMs,
    memoryLimit: TEMPLATE_LIMITS.memory,
  });
  for (const tag of Object.keys(liquid.tags)) if (!ALLOWED_TAGS.has(tag)) delete liquid.tags[tag];
  for (const filter of REMOVED_FILTERS) liquid.unregisterFilter(filter);
  // `| raw` would switch escaping off for a value: in HTML every value stays escaped.
  if (markup === 'html') liquid.unregisterFilter('raw');
  liquid.registerFilter('date', function (value: unknown, style?: unknown) {
    return formatDate(value, style, formatOf(this.context));
  });
  liquid.registerFilter('time', function (value: unknown) {
    return formatTime(value, formatOf(this.context));
  });
  liquid.registerFilter('datetime', function (value: unknown) {
    return formatDateTime(value, formatOf(this.context));
  });
  liquid.registerFilter('money', function (value: unknown) {
    return formatMoney(value, formatOf(this.context));
  });
  return liquid;
}

const engines: Record<Markup, Liquid> = { html: createEngine('html'), text: createEngine('text') };
/** Parsed templates by source text, up to a budget of source characters (then the cache starts again). */
const parsed: Record<Markup, Map<string, Template[]>> = { html: new Map(), text: new Map() };
const PARSED_CACHE_CHARS = 2_000_000;
let cachedChars = 0;

/** Liquid's message in our words, with its line and column. */
function explain(err: Error, markup: Markup): string {
  const where = /line:(\d+), col:(\d+)/.exec(err.message);
  const at = where ? ` (line ${where[1]}, column ${where[2]})` : '';
  const tag = /tag "([^"]+)" not found/.exec(err.message)?.[1];
  if (tag && FILE_TAGS.has(tag)) return `The {% ${tag} %} tag is not allowed: a template cannot include files or other templates${at}`;
  if (tag) return `Unknown tag {% ${tag} %}${at}`;
  const filter = /undefined filter: (\S+?),? /.exec(`${err.message} `)?.[1];
  if (filter === 'raw' && markup === 'html') return `The raw filter is not allowed in HTML: every value is escaped${at}`;
  if (filter) return `Unknown filter "${filter}"${at}`;
  return err.message.replace(/, line:\d+, col:\d+[\s\S]*$/, '') + at;
}

/** Parses Liquid source (cached by its text); throws TemplateSyntaxError with a readable message. */
export function parseTemplate(source: string, markup: Markup): Template[] {
  const cache = parsed[markup];
  const hit = cache.get(source);
  if (hit) return hit;
  let templates: Template[];
  try {
    templates = engines[markup].parse(source);
  } catch (err) {
    throw new TemplateSyntaxError(explain(err as Error, markup));
  }
  if (cachedChars + source.length > PARSED_CACHE_CHARS) {
    parsed.html.clear();
    parsed.text.clear();
    cachedChars = 0;
  }
  cache.set(source, templates);
  cachedChars += source.length;
  return templates;
}

/**
 * The variables a template reads from its scope (not those it assigns or
 * loops over), each as its path: `customer.firstName` → ['customer',
 * 'firstName']. A path stops where it is indexed by another variable
 * (`a[b].c` → ['a']); that variable is listed on its own.
 */
export function referencedPaths(templates: Template[], markup: Markup): string[][] {
  return engines[markup].globalVariableSegmentsSync(templates).map((segments) => {
    const path: string[] = [];
    for (const s of segments) {
      if (typeof s !== 'string') break;
      path.push(s);
    }
    return path;
  });
}

/** Renders parsed templates with `scope`; a missing variable renders empty. Throws TemplateRenderError past a limit. */
export function renderTemplate(templates: Template[], scope: object, markup: Markup, format: MessageFormat): string {
  let out: unknown;
  try {
    out = engines[markup].renderSync(templates, scope, { globals: { [FORMAT]: format } });
  } catch (err) {
    throw new TemplateRenderError(explain(err as Error, markup));
  }
  const text = typeof out === 'string' ? out : String(out ?? '');
  if (text.length > TEMPLATE_LIMITS.outputChars) {
    throw new TemplateRenderError(`The rendered message is longer than ${TEMPLATE_LIMITS.outputChars} characters`);
  }
  return text;
}
