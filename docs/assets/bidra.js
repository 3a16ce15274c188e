// The case form on /bidra/: built from the published case schema, checked in the
// browser with the same schema and named rules as 'kunskapsbank validate', and turned
// into a Markdown file the contributor downloads, copies or sends.
//
// Nothing leaves the browser unless the contributor sends it: the page reads the
// schema files from its own site and stores nothing. The engine writes the messages
// of the problem catalogue and the named rules into data-config (contribute.py).
// No eval, no new Function, no inline script: the site's Content-Security-Policy holds.
import { Validator } from "./vendor/cfworker-json-schema/esm/index.js";

const mount = document.getElementById("kb-bidra");
const nojs = document.getElementById("kb-bidra-nojs");
const config = mount ? JSON.parse(mount.getAttribute("data-config") || "{}") : null;
const rules = config ? config.rules : null;

// -- small helpers ------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) { continue; }
    if (key === "text") { node.textContent = value; }
    else if (key === "class") { node.className = value; }
    else { node.setAttribute(key, value === true ? "" : String(value)); }
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child);
    }
  }
  return node;
}

// str.format with keyword arguments, as the CLI fills the catalogue's templates.
function format(template, params) {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole);
}

function message(code, params) {
  const entry = config.messages[code] || config.messages.invalid;
  const text = format(entry.message, params || {});
  return entry.hint ? text + " " + format(entry.hint, params || {}).trim() : text;
}

function pyRegex(source, flags) {
  return new RegExp(source, flags || "");
}

// Python's fold() and suggest_slug() in validate.py / schemas.py.
function suggestSlug(text) {
  const folded = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss");
  const slug = folded.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80)
    .replace(/-+$/, "");
  return slug.length >= 3 ? slug : "mitt-fall";
}

function wellFormed(text) {
  return typeof text.toWellFormed === "function" ? text.toWellFormed()
    : text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

function idFor(path) {
  return "f-" + path.map((p) => String(p).normalize("NFKD").replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9_-]/g, "_")).join("-");
}

function key(path) { return path.join("."); }

// -- the schema, with $ref resolved ------------------------------------------------

let schema = null;
let vocabularies = {};

function resolve(node) {
  if (node && node.$ref && node.$ref.startsWith("#/")) {
    let target = schema;
    for (const part of node.$ref.slice(2).split("/")) { target = target[part]; }
    const merged = { ...resolve(target), ...node };
    delete merged.$ref;
    return merged;
  }
  return node || {};
}

function vocabularyOf(node) {
  return node["x-vocabulary"] && vocabularies[node["x-vocabulary"]]
    ? vocabularies[node["x-vocabulary"]] : null;
}

function isRequired(parent, name) {
  return Array.isArray(parent.required) && parent.required.includes(name);
}

function labelFor(node, required) {
  const title = node.title || "";
  const optional = !required && !/valfritt/i.test(node.description || "");
  return optional ? title + " (valfritt)" : title;
}

function bodySections() {
  const body = schema["x-body"] || {};
  return [
    ...(body.sections || []).map((name) => ({ name, required: true })),
    ...(body.optional_sections || []).map((name) => ({ name, required: false })),
  ];
}

function emptyFor(node) {
  node = resolve(node);
  if (node.type === "object") { return {}; }
  if (node.type === "array") { return []; }
  return "";
}

// -- state: what the contributor has entered, as text --------------------------------

const state = { data: {}, body: {}, slug: "", slugEdited: false };
let submitted = false;
const touched = new Set();
let errors = new Map(); // key(path) -> message
let fields = []; // {path, id, focusId, node (field wrapper), input (element with aria-*)}

function getAt(path) {
  let value = state.data;
  for (const part of path) {
    if (value === undefined || value === null) { return undefined; }
    value = value[part];
  }
  return value;
}

function setAt(path, value) {
  let target = state.data;
  for (let i = 0; i < path.length - 1; i += 1) {
    if (target[path[i]] === undefined || typeof target[path[i]] !== "object") {
      target[path[i]] = typeof path[i + 1] === "number" ? [] : {};
    }
    target = target[path[i]];
  }
  target[path[path.length - 1]] = value;
}

function initialState() {
  const today = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  const iso = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  for (const [name, raw] of Object.entries(schema.properties)) {
    const node = resolve(raw);
    if (node.type === "array" && resolve(node.items).type === "object") {
      const count = Math.max(node.minItems || 0, 0);
      state.data[name] = Array.from({ length: count }, () => ({}));
    } else if (node.default !== undefined && node.type !== "boolean") {
      state.data[name] = String(node.default);
    } else if (node["x-code"] === "date-format" && isRequired(schema, name)) {
      // A new case is published and reviewed on the day it is sent; the editors adjust.
      state.data[name] = iso;
    }
  }
}

// -- turning the state into the case's data ---------------------------------------

function clean(text, multiline) {
  let value = wellFormed(String(text)).replace(/\r\n?/g, "\n");
  value = multiline ? value.replace(/^\s*\n|\s+$/g, "") : value.trim();
  return value;
}

function collectValue(node, raw) {
  node = resolve(node);
  if (node.type === "object") {
    const out = {};
    for (const [name, child] of Object.entries(node.properties || {})) {
      const value = collectValue(child, raw ? raw[name] : undefined);
      if (value !== undefined) { out[name] = value; }
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (node.type === "array") {
    const items = resolve(node.items);
    if (!Array.isArray(raw)) { return undefined; }
    if (items.type === "object") {
      const list = raw.map((item) => collectValue(items, item || {}) || {});
      return list.length ? list : undefined;
    }
    const list = raw.map((item) => collectValue(items, item)).filter((v) => v !== undefined);
    if (items.enum) {
      list.sort((a, b) => items.enum.indexOf(a) - items.enum.indexOf(b));
    }
    return list.length ? list : undefined;
  }
  if (node.type === "boolean") {
    if (raw === true && node.default !== true) { return true; }
    if (raw === false && node.default === true) { return false; }
    return undefined;
  }
  if (raw === undefined || raw === null) { return undefined; }
  const text = clean(raw, isLong(node));
  if (text === "") { return undefined; }
  if (node.type === "integer" || node.type === "number") {
    return /^-?\d+$/.test(text) ? Number(text) : text;
  }
  if (node.default !== undefined && text === String(node.default)) { return undefined; }
  return text;
}

function collect() {
  const data = {};
  for (const [name, node] of Object.entries(schema.properties)) {
    let value = collectValue(node, state.data[name]);
    // A required group left empty: report its own required fields (period.start).
    if (value === undefined && resolve(node).type === "object" && isRequired(schema, name)) { value = {}; }
    if (value !== undefined) { data[name] = value; }
  }
  const body = {};
  for (const section of bodySections()) {
    body[section.name] = clean(state.body[section.name] || "", true);
  }
  return { data, body };
}

// -- checks: the JSON Schema, then the named rules ------------------------------------

function pointerPath(location) {
  return location.replace(/^#\/?/, "").split("/").filter((p) => p !== "")
    .map((p) => decodeURIComponent(p).replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function nodeAt(path) {
  let node = schema;
  for (const part of path) {
    node = resolve(node);
    if (typeof part === "number") { node = node.items; }
    else { node = (node.properties || {})[part]; }
    if (!node) { return {}; }
  }
  return resolve(node);
}

function valueAt(data, path) {
  let value = data;
  for (const part of path) {
    if (value === undefined || value === null) { return undefined; }
    value = value[part];
  }
  return value;
}

function typeWord(value) {
  const words = rules.type_words;
  if (typeof value === "boolean") { return words.boolean; }
  if (Number.isInteger(value)) { return words.integer; }
  if (typeof value === "number") { return words.number; }
  if (typeof value === "string") { return words.string; }
  if (Array.isArray(value)) { return words.array; }
  if (value && typeof value === "object") { return words.object; }
  return words.null;
}

function schemaProblems(data) {
  const out = [];
  const result = new Validator(schema, "2020-12", false).validate(data);
  for (const error of result.errors) {
    // The reasons each alternative of anyOf/oneOf failed: the anyOf error itself speaks.
    if (/\/(anyOf|oneOf)\/\d+/.test(error.keywordLocation)) { continue; }
    const path = pointerPath(error.instanceLocation);
    const node = nodeAt(path);
    const value = valueAt(data, path);
    const kw = error.keyword;
    if (kw === "required") {
      const m = /"(.*)"/.exec(error.error);
      const name = m ? m[1] : "";
      const child = resolve((node.properties || {})[name] || {});
      out.push({ path: [...path, name], text: message("required", {
        key: child.title || name, description: child.description || "" }) });
    } else if (kw === "type") {
      const expected = Array.isArray(node.type) ? node.type[0] : node.type;
      out.push({ path, text: message("type", { expected: rules.type_words[expected] || expected,
        actual: typeWord(value), advice: "" }) });
    } else if (kw === "enum") {
      const vocab = vocabularyOf(node);
      out.push({ path, text: vocab
        ? message("vocabulary", { value, field_label: `${vocab.title.toLowerCase()} ('${path[path.length - 1]}')`, suggestion: "" })
        : message("enum", { value, allowed: (node.enum || []).join(", ") }) });
    } else if (kw === "minLength" || kw === "maxLength") {
      out.push({ path, text: message(kw === "minLength" ? "too-short" : "too-long", {
        length: [...value].length, limit: node[kw] }) });
    } else if (kw === "minItems" || kw === "maxItems") {
      out.push({ path, text: message(kw === "minItems" ? "too-few" : "too-many", {
        count: value.length, limit: node[kw] }) });
    } else if (kw === "uniqueItems") {
      out.push({ path, text: message("not-unique", {}) });
    } else if (["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"].includes(kw)) {
      const low = node.minimum ?? node.exclusiveMinimum;
      const high = node.maximum ?? node.exclusiveMaximum;
      const bounds = high === undefined ? `minst ${low}` : [low, high].filter((b) => b !== undefined).join(" till ");
      out.push({ path, text: message("out-of-range", { value, bounds }) });
    } else if ((kw === "pattern" || kw === "anyOf" || kw === "oneOf") && node["x-code"]) {
      out.push({ path, text: message(node["x-code"], { value }) });
    } else if (["pattern", "format", "const", "anyOf", "oneOf", "additionalProperties", "false"].includes(kw)) {
      out.push({ path, text: message("invalid", { detail: error.error }) });
    }
  }
  return out;
}

// content/period.py parse_point: "ÅÅÅÅ-MM", "ÅÅÅÅ" or okand, as {year, month} (null when unknown).
function parsePoint(value) {
  if (typeof value !== "string") { return null; }
  if (value === rules.period_unknown) { return { year: null, month: null }; }
  if (/^[0-9]{4}$/.test(value)) { return { year: Number(value), month: null }; }
  const m = /^([0-9]{4})-([0-9]{2})$/.exec(value);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) { return { year: Number(m[1]), month: Number(m[2]) }; }
  return null;
}

// urls.is_home_page: a link to a site's start page (netloc, path "" or "/", no query).
function isHomePage(url) {
  const m = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?/.exec(url.trim());
  return Boolean(m && m[2]) && (m[3] === "" || m[3] === "/") && !m[4];
}

// checks/rules.py source_rules: deep links, and when a checked case's source was read.
function sourceProblems(data, today) {
  const out = [];
  if (!Array.isArray(data.sources)) { return out; }
  const checked = data.evidence === "redaktionellt-granskad";
  data.sources.forEach((source, i) => {
    if (!source || typeof source !== "object") { return; }
    const url = source.url;
    if (typeof url === "string" && isHomePage(url)) {
      out.push({ path: ["sources", i, "url"], text: message("source-home-page", { value: url }) });
    }
    if (checked && typeof url === "string" && !("accessed" in source)) {
      out.push({ path: ["sources", i, "accessed"], text: message("source-accessed-missing", {}) });
    }
    if (isDate(source.accessed) && source.accessed > today) {
      out.push({ path: ["sources", i, "accessed"], text: message("date-in-future", { value: source.accessed, today }) });
    }
  });
  return out;
}

// registry.looks_personal: "anna.svensson@", "a.svensson@", "per-olof.berg@", unless a
// functional mailbox word is in the local part.
function looksPersonal(email) {
  const local = email.split("@")[0].toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "")
    .replace(/ß/g, "ss").trim().split(/\s+/).join(" ").replace(/[-_]/g, ".");
  const parts = local.split(".").filter(Boolean);
  if (parts.length < 2 || parts.length > 4 || !parts.every((p) => /^\p{L}+$/u.test(p))) { return false; }
  return !parts.some((p) => rules.functional_words.includes(p));
}

// checks/orgs.py: a personal-looking contact address needs personal_consent: true.
function contactProblems(data) {
  const out = [];
  if (!Array.isArray(data.contacts)) { return out; }
  data.contacts.forEach((contact, i) => {
    if (!contact || typeof contact !== "object" || typeof contact.email !== "string") { return; }
    if (looksPersonal(contact.email) && contact.personal_consent !== true) {
      out.push({ path: ["contacts", i, "email"], text: message("contact-personal", {
        value: contact.email, advice: rules.consent_advice }) });
    }
  });
  return out;
}

// checks/rules.py control_characters: no string (key or value) may hold a control character.
function controlProblems(data) {
  const forbidden = pyRegex(rules.control, "u");
  const out = [];
  const walk = (value, path) => {
    if (typeof value === "string") {
      const m = forbidden.exec(value);
      if (m) {
        const position = [...value.slice(0, m.index)].length + 1;
        const char = "U+" + m[0].codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
        out.push({ path, text: message("string-control", { char, position }) });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) { walk(k, [...path, k]); walk(v, [...path, k]); }
    }
  };
  walk(data, []);
  return out;
}

function todayIso() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function isDate(value) {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
    && !Number.isNaN(Date.parse(value + "T00:00:00Z"));
}

function namedProblems(data) {
  const out = [];
  const period = data.period;
  if (period && typeof period === "object") {
    // period.period_rules: compare at the precision both points give; okand never compares.
    const start = parsePoint(period.start);
    const end = parsePoint(period.end);
    if (start && end && start.year !== null && end.year !== null) {
      const both = start.month !== null && end.month !== null;
      const a = [start.year, both ? start.month : 0];
      const b = [end.year, both ? end.month : 0];
      if (b[0] < a[0] || (b[0] === a[0] && b[1] < a[1])) {
        out.push({ path: ["period", "end"], text: message("period-order", { start: period.start, end: period.end }) });
      }
    }
    for (const [name, point] of [["start", start], ["end", end]]) {
      const approxKey = `${name}_approximate`;
      if (point && point.year === null && period[approxKey] === true) {
        out.push({ path: ["period", approxKey], text: message("period-approximate-unknown", { key: approxKey }) });
      }
    }
    if (rules.end_required.includes(data.status) && !("end" in period)) {
      out.push({ path: ["period", "end"], text: message("period-end-required", { status: data.status }) });
    }
  }
  const reviewed = isDate(data.last_reviewed) ? data.last_reviewed : null;
  const published = isDate(data.published) ? data.published : null;
  const today = todayIso();
  if (reviewed && reviewed > today) {
    out.push({ path: ["last_reviewed"], text: message("date-in-future", { value: reviewed, today }) });
  }
  if (reviewed && published && reviewed < published) {
    out.push({ path: ["last_reviewed"], text: message("review-before-published", { reviewed, published }) });
  }
  out.push(...sourceProblems(data, today), ...contactProblems(data));
  if (Array.isArray(data.organisations) && data.organisations.length) {
    const roles = data.organisations.map((o) => o && o.role);
    // A missing role is reported at the role itself first.
    if (roles.every(Boolean) && !roles.some((r) => rules.owner_roles.includes(r))) {
      out.push({ path: ["organisations"], text: message("owner-organisation", {}) });
    }
  }
  // Index checks of validate.py (_refs): related cases and guidance must exist.
  const own = currentSlug();
  const refs = [
    ["related_cases", rules.case_slugs, own, "Fallet", (v) => `cases/${v}.md`],
    ["related_guidance", rules.guide_keys, null, "Vägledningssidan", (v) => `docs/${v}.md`],
  ];
  for (const [name, existing, self, kind, where] of refs) {
    if (!Array.isArray(data[name])) { continue; }
    data[name].forEach((value, i) => {
      if (typeof value !== "string") { return; }
      if (value === self) {
        out.push({ path: [name, i], text: message("reference-self", { value }) });
      } else if (!existing.includes(value)) {
        out.push({ path: [name, i], text: message("reference-missing", { kind, value,
          suggestion: `Kontrollera stavningen. Filen ska finnas som ${where(value)}.` }) });
      }
    });
  }
  return out;
}

function strings(value, path, found) {
  if (typeof value === "string") { found.push([path, value]); }
  else if (Array.isArray(value)) { value.forEach((v, i) => strings(v, [...path, i], found)); }
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) { strings(v, [...path, k], found); }
  }
  return found;
}

function placeholderProblems(data, body) {
  const placeholder = new RegExp("^(?:" + rules.placeholder + ")$", "s");
  const out = [];
  for (const [path, value] of strings(data, [], [])) {
    if (placeholder.test(value.trim())) {
      out.push({ path, placeholder: true, text: message("placeholder", {
        what: `Fältet '${nodeAt(path).title || path.join(".")}'`, value: value.trim(), advice: "" }) });
    }
  }
  for (const [name, text] of Object.entries(body)) {
    for (const line of text.split("\n")) {
      if (placeholder.test(line.trim())) {
        out.push({ path: ["body", name], placeholder: true, text: message("placeholder", {
          what: `Avsnittet '${name}'`, value: line.trim(), advice: "Skriv texten med egna ord." }) });
        break;
      }
    }
  }
  return out;
}

// Decode entities (twice, as body.url_scheme does) without parsing any markup.
function unescapeHtml(text) {
  const area = document.createElement("textarea");
  area.innerHTML = text.replace(/</g, "&lt;");
  return area.value;
}

function urlScheme(target) {
  const decoded = unescapeHtml(unescapeHtml(target)).replace(/[\x00-\x20\x7f]+/g, "");
  const m = pyRegex(rules.body.scheme).exec(decoded);
  return m ? m[1].toLowerCase() : null;
}

// -- content/body.py's linear scanners, translated line for line ------------------------
// No backtracking pattern sees a whole line: a contributed body may be hostile.

// _blank_code_spans: every inline code span (backticks included) replaced by spaces.
// Each run length keeps a pointer into its runs that only moves forward.
function blankCodeSpans(line) {
  const runs = [...line.matchAll(/`+/g)].map((m) => [m.index, m.index + m[0].length]);
  if (runs.length < 2) { return line; }
  const byLength = new Map();
  runs.forEach(([start, end], index) => {
    if (!byLength.has(end - start)) { byLength.set(end - start, []); }
    byLength.get(end - start).push(index);
  });
  const pointer = new Map([...byLength.keys()].map((length) => [length, 0]));
  const out = [];
  let pos = 0;
  let k = 0;
  while (k < runs.length) {
    const [start, end] = runs[k];
    const length = end - start;
    const same = byLength.get(length);
    let p = pointer.get(length);
    while (p < same.length && same[p] <= k) { p += 1; }
    pointer.set(length, p);
    if (p === same.length) { k += 1; continue; }
    const close = runs[same[p]][1];
    out.push(line.slice(pos, start), " ".repeat(close - start));
    pos = close;
    k = same[p] + 1;
  }
  out.push(line.slice(pos));
  return out.join("");
}

// _atx: an ATX heading "## Text ##" as [level, text], or null.
function atx(line) {
  const m = pyRegex("^(?:" + rules.body.atx_open + ")").exec(line);
  if (!m) { return null; }
  const text = pyStrip(pyStrip(line.slice(m[0].length), " \t#", false));
  return [m[1].length, text];
}

// _Finder: indexOf that remembers its last answer, so repeated searches stay linear.
function finder(text, needle) {
  let found = -2; // not searched yet
  return (pos) => {
    if (found === -1 || found >= pos) { return found; }
    found = text.indexOf(needle, pos);
    return found;
  };
}

// Python's \s and "." on one line (JS's \s differs at U+001C-U+001F, U+0085, U+FEFF).
const PY_SPACE = "\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const PY_SPACE_CHAR = new RegExp(`[${PY_SPACE}]`);

// str.strip() (or str.rstrip(chars) when left is false) with loops, not a pattern that
// would backtrack on a long run of spaces.
function pyStrip(text, chars, left) {
  const strip = chars ? (c) => chars.includes(c) : (c) => PY_SPACE_CHAR.test(c);
  let end = text.length;
  while (end > 0 && strip(text[end - 1])) { end -= 1; }
  let start = 0;
  if (left !== false) { while (start < end && strip(text[start])) { start += 1; } }
  return text.slice(start, end);
}
const DEST_CHUNK = new RegExp(`(?:[^${PY_SPACE}()\\\\]|\\\\[^])*`, "y");

// _link_target: the target after "](" at pos, as [target, column, index after], or null.
function linkTarget(line, pos, finders, budget) {
  const n = line.length;
  while (pos < n && " \t".includes(line[pos])) { pos += 1; }
  const column = pos;
  let target;
  let end;
  if (pos < n && line[pos] === "<") {
    const close = finders[">"](pos + 1);
    if (close === -1) { return null; }
    target = line.slice(pos + 1, close);
    if (target.includes("<")) { return null; }
    end = close + 1;
  } else {
    let depth = 0;
    end = pos;
    for (;;) {
      DEST_CHUNK.lastIndex = end;
      const chunk = DEST_CHUNK.exec(line); // matches the empty string, never null
      const chunkEnd = end + chunk[0].length;
      budget[0] -= chunkEnd - end + 1;
      end = chunkEnd;
      if (end >= n || budget[0] < 0) { break; }
      const c = line[end];
      if (c === "(") {
        depth += 1;
        if (depth > rules.body.max_parens) { return null; }
      } else if (c === ")") {
        if (depth === 0) { break; }
        depth -= 1;
      } else {
        break; // white space, or a lone backslash at the end
      }
      end += 1;
    }
    target = line.slice(pos, end);
  }
  while (end < n && " \t".includes(line[end])) { end += 1; }
  if (end < n && "\"'(".includes(line[end])) {
    const quote = line[end] === "(" ? ")" : line[end];
    const close = finders[quote](end + 1);
    if (close === -1) { return null; }
    end = close + 1;
    while (end < n && " \t".includes(line[end])) { end += 1; }
  }
  if (end < n && line[end] === ")") { return [target, column, end + 1]; }
  return null;
}

// _inline_links: [[target, image, column]...] and false when the line spent its budget.
function inlineLinks(line) {
  const out = [];
  const stack = [];
  const finders = {};
  for (const q of ["\"", "'", ")", ">"]) { finders[q] = finder(line, q); }
  const budget = [rules.body.work_per_char * line.length + 1000];
  let resume = 0;
  for (const m of line.matchAll(/\\[^]|[[\]]/g)) {
    const i = m.index;
    if (i < resume) { continue; }
    const ch = m[0];
    if (ch === "[") {
      stack.push(i);
    } else if (ch === "]" && stack.length) {
      const opening = stack.pop();
      if (line.startsWith("(", i + 1)) {
        const found = linkTarget(line, i + 2, finders, budget);
        if (budget[0] < 0) { return [out, false]; }
        if (found !== null) {
          const [target, column, end] = found;
          out.push([target, opening > 0 && line[opening - 1] === "!", column]);
          stack.length = 0; // links do not nest
          resume = end;
        }
      }
    }
  }
  return [out, true];
}

// body.scan(): headings, raw HTML and links, skipping code blocks and code spans.
function bodyProblems(body) {
  const bodyRules = schema["x-body"] || {};
  const allowedHtml = bodyRules.allowed_html || [];
  const linkSchemes = bodyRules.link_schemes || ["https", "mailto"];
  const imageSchemes = bodyRules.image_schemes || [];
  const allowedList = [...allowedHtml].sort().map((t) => `<${t}>`).join(", ");
  const r = rules.body;
  const out = [];
  for (const [name, text] of Object.entries(body)) {
    const path = ["body", name];
    const problems = [];
    let fence = null;
    for (const raw of text.split("\n")) {
      if (fence !== null) {
        if (raw.replace(/^ +/, "").startsWith(fence)) { fence = null; }
        continue;
      }
      const f = pyRegex(r.fence).exec(raw);
      if (f) { fence = f[1][0].repeat(3); continue; }
      const line = raw.includes("`") ? blankCodeSpans(raw) : raw;
      const first = line.replace(/^ +/, "").slice(0, 1);
      if (first === "#") {
        const h = atx(line);
        if (h && h[0] === 1) {
          problems.push(message("body-h1", { text: h[1] }));
        }
      }
      const links = [];
      if (line.includes("<")) {
        for (const m of line.matchAll(pyRegex(r.tag, "g"))) {
          if (m[2]) {
            const tag = m[2].toLowerCase();
            const attrs = (m[3] || "").trim().replace(/\/+$/, "").trim();
            if (!allowedHtml.includes(tag)) {
              if (!m[1]) { problems.push(message("html-not-allowed", { tag, allowed: allowedList })); }
            } else if (attrs && !m[1]) {
              problems.push(message("html-attribute", { tag }));
            }
          } else {
            const tag = m[0].slice(1).toLowerCase();
            problems.push(message("html-not-allowed", { tag, allowed: allowedList }));
          }
        }
        for (const m of line.matchAll(pyRegex(r.autolink, "g"))) { links.push([m[1], false]); }
      }
      if (line.includes("](")) {
        const [found, complete] = inlineLinks(line);
        for (const [target, image] of found) { links.push([target, image]); }
        if (!complete) { problems.push(message("link-complex", {})); }
      }
      if (first === "[" && line.includes("]:")) {
        const d = pyRegex(r.ref_def).exec(line);
        if (d) { links.push([d[2].replace(/^<+|>+$/g, ""), false]); }
      }
      for (const [target, image] of links) {
        const scheme = urlScheme(target);
        const kind = image ? "Bilden" : "Länken";
        if (scheme !== null) {
          if (!(image ? imageSchemes : linkSchemes).includes(scheme)) {
            problems.push(message(image ? "image-scheme" : "link-scheme", { kind, scheme }));
          }
          continue;
        }
        const local = localTarget(target, image, kind);
        if (local) { problems.push(local); }
      }
    }
    if (problems.length) { out.push({ path, text: problems[0] }); }
  }
  return out;
}

// validate.py _local_target: a link without a scheme must lead to a page or file of the
// project. The form cannot add files, so only pages and existing cases and guides count.
function localTarget(raw, image, kind) {
  let target;
  try { target = decodeURIComponent(raw.split("#")[0].split("?")[0]); } catch { target = raw; }
  if (!target) { return null; }
  if (target.startsWith("/")) {
    const clean = target.replace(/^\/+|\/+$/g, "");
    const parts = clean.split("/");
    const key = clean.replace(/\.md$/, "");
    const ok = !clean || (parts[0] === "fall"
      ? parts.length === 1 || rules.case_slugs.includes(parts[1]) || parts.length >= 3
      : rules.guide_keys.includes(key) || rules.guide_keys.includes(`${key}/index`));
    return ok ? null : message("link-missing", { kind, target: raw,
      suggestion: "Kontrollera adressen. Sidor på webbplatsen börjar med /vagledning/ eller /fall/." });
  }
  const resolved = [];
  for (const part of ["cases", ...target.split("/")]) {
    if (part === "..") {
      if (!resolved.length) { return message("link-outside", { kind, target: raw }); }
      resolved.pop();
    } else if (part && part !== ".") { resolved.push(part); }
  }
  const path = resolved.join("/");
  const caseFile = /^cases\/([^/]+)\.md$/.exec(path);
  const guideFile = /^docs\/(.+)\.md$/.exec(path);
  if ((caseFile && rules.case_slugs.includes(caseFile[1])) || (guideFile && rules.guide_keys.includes(guideFile[1]))
    || (path.startsWith("cases/") && rules.case_files.includes(path.slice(6)))) {
    return null;
  }
  return message("link-missing", { kind, target: raw, suggestion: image
    ? "Lägg bilden i cases/assets/ och skriv 'assets/filnamn'."
    : "Kontrollera stavningen och att filen finns i projektet." });
}

function slugProblems(slug) {
  const ok = pyRegex(rules.slug).test(slug) && slug.length >= rules.slug_min
    && slug.length <= rules.slug_max && !rules.reserved_slugs.includes(slug);
  return ok ? [] : [{ path: ["slug"], text: message("file-name", { name: slug + ".md", suggestion: suggestSlug(slug || "") }) }];
}

function check() {
  const { data, body } = collect();
  const found = [...controlProblems(data), ...schemaProblems(data), ...namedProblems(data), ...bodyProblems(body)];
  for (const section of bodySections()) {
    if (section.required && !body[section.name]) {
      found.push({ path: ["body", section.name], text: message("required", { key: section.name, description: "" }) });
    }
  }
  const slug = currentSlug();
  found.push(...slugProblems(slug));
  const size = new TextEncoder().encode(markdownFile(data, body)).length;
  if (size > rules.max_file_bytes) {
    const longest = bodySections().map((s) => s.name)
      .sort((a, b) => (body[b] || "").length - (body[a] || "").length)[0];
    found.push({ path: ["body", longest], text: message("file-too-large", { size, limit: rules.max_file_bytes }) });
  }
  // A placeholder replaces the other problems of its field, as in the CLI.
  const placeholders = placeholderProblems(data, body);
  const replaced = new Set(placeholders.map((p) => key(p.path)));
  const all = [...found.filter((p) => !replaced.has(key(p.path))), ...placeholders];
  const map = new Map();
  for (const p of all) {
    const target = fieldFor(p.path);
    if (target && !map.has(target)) { map.set(target, p.text); }
  }
  return { map, data, body, slug };
}

// The nearest field on the page for a problem's path.
function fieldFor(path) {
  for (let n = path.length; n > 0; n -= 1) {
    const k = key(path.slice(0, n));
    if (fields.some((f) => f.key === k)) { return k; }
  }
  return null;
}

// -- rendering ---------------------------------------------------------------

let form = null;
let summary = null;
let result = null;
let status = null;

function describedBy(field) {
  const ids = [];
  if (field.hintId) { ids.push(field.hintId); }
  if (errors.has(field.key)) { ids.push(field.errorId); }
  return ids.join(" ") || null;
}

let context = ""; // the repeated item a field belongs to, for the error summary

function register(path, wrapper, input, hintId, focusId) {
  const field = {
    key: key(path), path, wrapper, input, hintId, errorId: idFor(path) + "-error",
    focusId: focusId || (input && input.id), context,
  };
  fields.push(field);
  return field;
}

function hint(id, text) {
  return text ? el("p", { class: "kb-hint", id, text }) : null;
}

function onEdit(path) {
  touched.add(key(path));
  staleResult();
  const slug = document.getElementById("f-slug");
  if (slug && !state.slugEdited && key(path) === "title") { slug.value = currentSlug(); }
}

function textInput(path, node, label, required) {
  const id = idFor(path);
  const hintId = node.description ? id + "-hint" : null;
  const long = isLong(node);
  const value = getAt(path);
  const input = long
    ? el("textarea", { id, name: key(path), rows: node.maxLength > 450 ? 5 : 3 })
    : el("input", { id, name: key(path), type: "text", spellcheck: node.pattern ? "false" : null,
        inputmode: node.type === "integer" ? "numeric" : null,
        autocomplete: "off" });
  input.value = value === undefined || value === null ? "" : String(value);
  if (node.maxLength && node.maxLength <= 20) { input.className = "kb-input--short"; }
  input.addEventListener("input", () => { setAt(path, input.value); onEdit(path); });
  input.addEventListener("change", () => { touched.add(key(path)); live(); });
  const wrapper = el("div", { class: "kb-field" }, el("label", { for: id, text: label }), hint(hintId, node.description));
  wrapper.append(input);
  register(path, wrapper, input, hintId);
  return wrapper;
}

function isLong(node) {
  return node.type === "string" && (node.maxLength || 0) > 300;
}

function selectInput(path, node, vocab, label) {
  const id = idFor(path);
  const hintId = node.description ? id + "-hint" : null;
  const select = el("select", { id, name: key(path) }, el("option", { value: "", text: "Välj" }));
  for (const entry of vocab.entries) {
    select.append(el("option", { value: entry.id, text: entry.label }));
  }
  select.value = getAt(path) || "";
  select.addEventListener("change", () => { setAt(path, select.value); onEdit(path); live(); });
  const wrapper = el("div", { class: "kb-field" }, el("label", { for: id, text: label }), hint(hintId, node.description), select);
  register(path, wrapper, select, hintId);
  return wrapper;
}

function checkboxGroup(path, node, vocab, label) {
  const id = idFor(path);
  const hintId = node.description ? id + "-hint" : null;
  const chosen = new Set(Array.isArray(getAt(path)) ? getAt(path) : []);
  const fieldset = el("fieldset", { class: "kb-field kb-checkboxes", id: id + "-group" },
    el("legend", { text: label }), hint(hintId, node.description));
  const list = el("div", { class: "kb-checkboxes__list" });
  let first = null;
  for (const entry of vocab.entries) {
    const boxId = id + "-" + entry.id.replace(/[^A-Za-z0-9_-]/g, "_");
    const box = el("input", { type: "checkbox", id: boxId, name: key(path), value: entry.id });
    box.checked = chosen.has(entry.id);
    box.addEventListener("change", () => {
      const values = [...list.querySelectorAll("input:checked")].map((b) => b.value);
      setAt(path, values);
      onEdit(path);
      live();
    });
    first = first || boxId;
    list.append(el("div", { class: "kb-checkbox" }, box, el("label", { for: boxId, text: entry.label })));
  }
  fieldset.append(list);
  register(path, fieldset, fieldset, hintId, first);
  return fieldset;
}

function booleanInput(path, node, label) {
  const id = idFor(path);
  const hintId = node.description ? id + "-hint" : null;
  const box = el("input", { type: "checkbox", id, name: key(path) });
  box.checked = getAt(path) === true || (getAt(path) === undefined && node.default === true);
  box.addEventListener("change", () => { setAt(path, box.checked); onEdit(path); live(); });
  const wrapper = el("div", { class: "kb-field kb-checkbox" }, box, el("label", { for: id, text: label }), hint(hintId, node.description));
  register(path, wrapper, box, hintId);
  return wrapper;
}

function groupFieldset(path, node, label, cls) {
  const id = idFor(path);
  const hintId = node.description ? id + "-hint" : null;
  const fieldset = el("fieldset", { class: "kb-group " + (cls || ""), id: id + "-group", tabindex: "-1" },
    el("legend", { text: label }), hint(hintId, node.description));
  register(path, fieldset, fieldset, hintId, id + "-group");
  return fieldset;
}

function repeatable(path, node, label) {
  const items = resolve(node.items);
  const fieldset = groupFieldset(path, node, label, "kb-repeat");
  let list = getAt(path);
  if (!Array.isArray(list)) { list = []; setAt(path, list); }
  const title = node.title || path[path.length - 1];
  list.forEach((item, i) => {
    const itemPath = [...path, i];
    const name = `${title} ${i + 1}`;
    const remove = el("button", { type: "button", class: "kb-button kb-button--secondary", text: `Ta bort ${name.toLowerCase()}` });
    remove.addEventListener("click", () => {
      list.splice(i, 1);
      onEdit(path);
      rerender(list.length ? idFor([...path, Math.min(i, list.length - 1)]) + "-group" : idFor(path) + "-add");
    });
    if (items.type === "object") {
      const inner = el("fieldset", { class: "kb-group kb-repeat__item", id: idFor(itemPath) + "-group", tabindex: "-1" },
        el("legend", { text: name }));
      const outer = context;
      context = outer ? `${outer}, ${name}` : name;
      for (const [child, childNode] of Object.entries(items.properties || {})) {
        inner.append(field([...itemPath, child], childNode, isRequired(items, child)));
      }
      context = outer;
      inner.append(remove);
      fieldset.append(inner);
    } else {
      const wrapper = el("div", { class: "kb-repeat__item kb-repeat__item--single", id: idFor(itemPath) + "-group", tabindex: "-1" },
        textInput(itemPath, { ...items, description: null }, name, true), remove);
      fieldset.append(wrapper);
    }
  });
  const add = el("button", { type: "button", class: "kb-button kb-button--secondary", id: idFor(path) + "-add",
    text: `Lägg till i ${title.toLowerCase()}` });
  if (node.maxItems && list.length >= node.maxItems) { add.disabled = true; }
  add.addEventListener("click", () => {
    list.push(items.type === "object" ? {} : "");
    onEdit(path);
    const newPath = [...path, list.length - 1];
    rerender(items.type === "object" ? idFor(newPath) + "-group" : idFor(newPath));
  });
  fieldset.append(add);
  return fieldset;
}

function field(path, raw, required) {
  const node = resolve(raw);
  const label = labelFor(node, required);
  const vocab = vocabularyOf(node);
  if (node.type === "object") {
    const fieldset = groupFieldset(path, node, label, "");
    if (getAt(path) === undefined) { setAt(path, {}); }
    for (const [child, childNode] of Object.entries(node.properties || {})) {
      fieldset.append(field([...path, child], childNode, isRequired(node, child)));
    }
    return fieldset;
  }
  if (node.type === "array") {
    const items = resolve(node.items);
    const itemVocab = vocabularyOf(items);
    if (itemVocab) { return checkboxGroup(path, node, itemVocab, label); }
    return repeatable(path, node, label);
  }
  if (vocab) { return selectInput(path, node, vocab, label); }
  if (node.type === "boolean") { return booleanInput(path, node, label); }
  return textInput(path, node, label, required);
}

function bodyField(section) {
  const path = ["body", section.name];
  const id = idFor(path);
  const input = el("textarea", { id, name: key(path), rows: 8 });
  input.value = state.body[section.name] || "";
  input.addEventListener("input", () => { state.body[section.name] = input.value; onEdit(path); });
  input.addEventListener("change", () => { touched.add(key(path)); live(); });
  const label = section.required ? section.name : section.name + " (valfritt)";
  const wrapper = el("div", { class: "kb-field" }, el("label", { for: id, text: label }), input);
  register(path, wrapper, input, "kb-body-hint");
  return wrapper;
}

function currentSlug() {
  return state.slugEdited ? state.slug.trim() : suggestSlug(String(getAt(["title"]) || ""));
}

function slugField() {
  const path = ["slug"];
  const id = idFor(path);
  const input = el("input", { id, name: "slug", type: "text", spellcheck: "false", autocomplete: "off" });
  input.value = currentSlug();
  input.addEventListener("input", () => { state.slug = input.value; state.slugEdited = true; onEdit(path); });
  input.addEventListener("change", () => { touched.add(key(path)); live(); });
  const hintText = "Filen får det här namnet med .md på slutet, och namnet blir fallets adress på webbplatsen. "
    + "Det skapas från titeln. Använd små bokstäver a–z utan å, ä och ö, siffror och bindestreck, 3–80 tecken.";
  const wrapper = el("div", { class: "kb-field" }, el("label", { for: id, text: "Filnamn" }),
    hint(id + "-hint", hintText), input);
  register(path, wrapper, input, id + "-hint");
  return wrapper;
}

function render(focusId) {
  fields = [];
  form.replaceChildren();
  form.append(summary);
  const facts = el("section", { class: "kb-form-part", "aria-labelledby": "kb-part-facts" },
    el("h2", { id: "kb-part-facts", text: "Uppgifter om fallet" }));
  for (const [name, node] of Object.entries(schema.properties)) {
    facts.append(field([name], node, isRequired(schema, name)));
  }
  const text = el("section", { class: "kb-form-part", "aria-labelledby": "kb-part-text" },
    el("h2", { id: "kb-part-text", text: "Texten i fallet" }),
    el("p", { class: "kb-hint", id: "kb-body-hint", text: "Skriv med egna ord på enkel svenska. "
      + "Ni kan använda Markdown, till exempel **fet stil**, listor som börjar med - och länkar "
      + "som [text](https://adress). Skriv ingen HTML och ingen rubrik som börjar med en enda #." }));
  for (const section of bodySections()) { text.append(bodyField(section)); }
  const draft = el("button", { type: "button", class: "kb-button kb-button--secondary", id: "kb-draft",
    text: "Ladda ned ett utkast" });
  draft.addEventListener("click", downloadDraft);
  const finish = el("section", { class: "kb-form-part", "aria-labelledby": "kb-part-file" },
    el("h2", { id: "kb-part-file", text: "Skapa filen" }), slugField(),
    el("button", { type: "submit", class: "kb-button", id: "kb-create", text: "Skapa filen" }),
    el("p", { class: "kb-hint", id: "kb-draft-hint", text: "Inte klar? Ladda ned det ni har skrivit "
      + "som ett utkast, också om något saknas. Läs in filen i formuläret när ni vill fortsätta. "
      + "Skicka inte utkastet till redaktionen." }), draft);
  draft.setAttribute("aria-describedby", "kb-draft-hint");
  form.append(facts, text, finish);
  showErrors();
  if (focusId) {
    const target = document.getElementById(focusId);
    if (target) { target.focus(); }
  }
}

function rerender(focusId) {
  if (submitted || touched.size) { errors = visible(check().map); }
  render(focusId);
}

function visible(map) {
  if (submitted) { return map; }
  const out = new Map();
  for (const [k, v] of map) {
    if ([...touched].some((t) => t === k || t.startsWith(k + "."))) { out.set(k, v); }
  }
  return out;
}

function showErrors() {
  for (const f of fields) {
    const old = document.getElementById(f.errorId);
    if (old) { old.remove(); }
    const text = errors.get(f.key);
    f.wrapper.classList.toggle("kb-field--error", Boolean(text));
    if (f.input && f.input.tagName !== "FIELDSET") {
      if (text) { f.input.setAttribute("aria-invalid", "true"); } else { f.input.removeAttribute("aria-invalid"); }
    }
    const ids = describedBy(f);
    if (ids) { f.input.setAttribute("aria-describedby", ids); } else { f.input.removeAttribute("aria-describedby"); }
    if (text) {
      const p = el("p", { class: "kb-field-error", id: f.errorId },
        el("span", { class: "kb-visually-hidden", text: "Fel: " }), text);
      const legend = f.wrapper.querySelector(":scope > legend, :scope > label");
      const hintNode = f.hintId ? f.wrapper.querySelector(":scope > #" + CSS.escape(f.hintId)) : null;
      (hintNode || legend || f.wrapper.firstChild).after(p);
    }
  }
  renderSummary();
}

function renderSummary() {
  summary.replaceChildren();
  if (!submitted || errors.size === 0) {
    summary.hidden = true;
    return;
  }
  summary.hidden = false;
  const list = el("ul", { class: "kb-error-summary__list" });
  for (const f of fields) {
    const text = errors.get(f.key);
    if (!text) { continue; }
    const link = el("a", { href: "#" + f.focusId, text: f.context ? `${f.context}: ${text}` : text });
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const target = document.getElementById(f.focusId);
      if (target) {
        target.focus();
        const label = f.wrapper.querySelector("label, legend");
        (label || target).scrollIntoView({ block: "start" });
      }
    });
    list.append(el("li", {}, link));
  }
  summary.append(el("div", { role: "alert" },
    el("h2", { id: "kb-error-summary-title", text: "Det finns problem" }),
    el("p", { text: `Rätta ${errors.size === 1 ? "problemet" : `de ${errors.size} problemen`} innan ni skapar filen.` }), list));
}

// As the contributor goes: check on leaving a field, show problems of touched fields.
function live() {
  errors = visible(check().map);
  showErrors();
}

// -- the file -----------------------------------------------------------------

// A YAML double-quoted scalar. JSON strings are valid YAML; characters that YAML reads
// as line breaks or refuses (C1 controls, U+2028/9, BOM, non-characters) are escaped too.
function yamlString(text) {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

function yamlScalar(value) {
  if (typeof value === "string") { return yamlString(value); }
  if (typeof value === "boolean") { return value ? "true" : "false"; }
  return String(value);
}

function isScalar(value) { return value === null || typeof value !== "object"; }

function yamlMapping(obj, indent) {
  const pad = " ".repeat(indent);
  const lines = [];
  for (const [k, v] of Object.entries(obj)) {
    if (isScalar(v)) { lines.push(`${pad}${k}: ${yamlScalar(v)}`); }
    else if (Array.isArray(v)) {
      if (!v.length) { lines.push(`${pad}${k}: []`); } else { lines.push(`${pad}${k}:`, ...yamlSequence(v, indent + 2)); }
    } else if (!Object.keys(v).length) { lines.push(`${pad}${k}: {}`); }
    else { lines.push(`${pad}${k}:`, ...yamlMapping(v, indent + 2)); }
  }
  return lines;
}

function yamlSequence(list, indent) {
  const pad = " ".repeat(indent);
  const lines = [];
  for (const item of list) {
    if (isScalar(item)) { lines.push(`${pad}- ${yamlScalar(item)}`); continue; }
    const inner = Array.isArray(item) ? yamlSequence(item, indent + 2) : yamlMapping(item, indent + 2);
    if (!inner.length) { lines.push(`${pad}- ${Array.isArray(item) ? "[]" : "{}"}`); continue; }
    inner[0] = `${pad}- ${inner[0].slice(indent + 2)}`;
    lines.push(...inner);
  }
  return lines;
}

function markdownFile(data, body) {
  const lines = ["---", ...yamlMapping(data, 0), "---", ""];
  for (const section of bodySections()) {
    const text = body[section.name];
    if (!text && !section.required) { continue; }
    lines.push(`## ${section.name}`, "", text, "");
  }
  return lines.join("\n");
}

function staleResult() {
  if (result && !result.hidden) {
    result.hidden = true;
    result.replaceChildren();
    status.textContent = "Ni har ändrat i formuläret. Välj Skapa filen igen för att få en ny fil.";
  }
}

function copyText(text, area) {
  const done = () => { status.textContent = "Texten är kopierad."; };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(done, () => { area.select(); status.textContent = "Texten är markerad. Kopiera den med Ctrl+C (Cmd+C på Mac)."; });
  } else {
    area.select();
    status.textContent = "Texten är markerad. Kopiera den med Ctrl+C (Cmd+C på Mac).";
  }
}

const GITHUB_URL_LIMIT = 8000;

function showResult(text, slug, data) {
  const filename = slug + ".md";
  const blob = new Blob([text], { type: "text/markdown;charset=utf-8" });
  const download = el("a", { class: "kb-button", id: "kb-download", download: filename, href: URL.createObjectURL(blob), text: `Ladda ned ${filename}` });
  const area = el("textarea", { id: "kb-file-text", readonly: true, rows: 18, spellcheck: "false" });
  area.value = text;
  const copy = el("button", { type: "button", class: "kb-button kb-button--secondary", id: "kb-copy", text: "Kopiera texten" });
  copy.addEventListener("click", () => copyText(text, area));
  const actions = el("div", { class: "kb-actions" }, download, copy);
  const routes = el("ol", { class: "kb-routes" });
  const gh = config.github;
  if (gh && gh.repo) {
    const base = `${gh.repo}/new/${encodeURIComponent(gh.branch)}`;
    const url = `${base}?filename=${encodeURIComponent(`${gh.folder}/${filename}`)}&value=${encodeURIComponent(text)}`;
    const item = el("li", {}, el("strong", { text: "Ändringsförslag på GitHub. " }));
    if (url.length <= GITHUB_URL_LIMIT) {
      item.append("Ni behöver ett konto på GitHub. Sidan öppnas med filen ifylld. Välj sedan ",
        el("em", { text: "Commit changes" }), " och ", el("em", { text: "Propose changes" }), ". ",
        el("a", { href: url, id: "kb-github", target: "_blank", rel: "noopener noreferrer", text: "Öppna som ändringsförslag på GitHub (öppnas i en ny flik)" }));
    } else {
      item.append("Filen är för lång för att skickas med en länk. Ladda ned filen och ladda upp den på ",
        el("a", { href: `${gh.repo}/upload/${encodeURIComponent(gh.branch)}/${gh.folder}`, id: "kb-github", target: "_blank", rel: "noopener noreferrer", text: "GitHubs sida för att ladda upp filer (öppnas i en ny flik)" }), ".");
    }
    routes.append(item);
  }
  if (config.editors_email) {
    const subject = `Nytt fall till ${config.site_name}: ${data.title || filename}`;
    const bodyText = `Hej!\n\nHär kommer ett fall till ${config.site_name}. Filen ${filename} ligger som bilaga.\n\n`;
    const mail = `mailto:${config.editors_email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(bodyText)}`;
    routes.append(el("li", {}, el("strong", { text: "E-post till redaktionen. " }),
      `Ladda ned filen först. Skicka den sedan som bilaga till ${config.editors_email}. `,
      el("a", { href: mail, id: "kb-mail", text: "Skicka till redaktionen" }),
      ` öppnar ert e-postprogram med ett färdigt meddelande. Bifoga filen ${filename} innan ni skickar.`));
  }
  result.replaceChildren(
    el("h2", { id: "kb-result-title", tabindex: "-1", text: "Filen är klar" }),
    el("p", { text: "Formuläret hittade inga problem. Läs igenom filen, ladda ned den och skicka den på ett av sätten nedan. Redaktionen läser varje fall innan det publiceras." }),
    el("label", { for: "kb-file-text", text: `Innehållet i ${filename}` }), area, actions,
    el("h3", { text: "Skicka filen" }), routes);
  result.hidden = false;
  status.textContent = "";
  document.getElementById("kb-result-title").focus();
}

// Whatever has been entered, valid or not, as a file to load back later. Nothing is stored.
function downloadDraft() {
  const { data, body } = collect();
  const slug = currentSlug();
  const name = (pyRegex(rules.slug).test(slug) ? slug : "mitt-fall") + "-utkast.md";
  const link = el("a", { download: name, hidden: true,
    href: URL.createObjectURL(new Blob([markdownFile(data, body)], { type: "text/markdown;charset=utf-8" })) });
  document.body.append(link);
  link.click();
  link.remove();
  status.textContent = `Utkastet ${name} är nedladdat. Läs in det i formuläret när ni vill fortsätta.`;
}

function onSubmit(event) {
  event.preventDefault();
  submitted = true;
  const checked = check();
  errors = checked.map;
  if (errors.size) {
    result.hidden = true;
    result.replaceChildren();
    showErrors();
    if (!document.title.startsWith("Fel: ")) { document.title = "Fel: " + document.title; }
    summary.focus();
    return;
  }
  document.title = document.title.replace(/^Fel: /, "");
  showErrors();
  showResult(markdownFile(checked.data, checked.body), checked.slug, checked.data);
}

// -- loading a file back --------------------------------------------------------

function toState(node, value) {
  node = resolve(node);
  if (value === undefined || value === null) { return undefined; }
  if (node.type === "object" && typeof value === "object" && !Array.isArray(value)) {
    const out = {};
    for (const [k, child] of Object.entries(node.properties || {})) {
      const v = toState(child, value[k]);
      if (v !== undefined) { out[k] = v; }
    }
    return out;
  }
  if (node.type === "array" && Array.isArray(value)) {
    return value.map((v) => toState(node.items, v));
  }
  if (node.type === "boolean") { return value === true; }
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

async function loadFile(file) {
  const text = (await file.text()).replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
  const m = /^---\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)([\s\S]*)$/.exec(text);
  if (!m) {
    status.textContent = `Filen ${file.name} har ingen metadata överst och kan inte läsas in.`;
    return;
  }
  let data;
  try {
    const yaml = await import(new URL(config.yaml, document.baseURI).href);
    data = yaml.load(m[1], { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    status.textContent = `Filen ${file.name} kunde inte läsas: ${error.message}`;
    return;
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    status.textContent = `Filen ${file.name} har ingen metadata som formuläret kan läsa.`;
    return;
  }
  state.data = {};
  const unknown = [];
  for (const [k, v] of Object.entries(data)) {
    if (schema.properties[k]) { state.data[k] = toState(schema.properties[k], v); } else { unknown.push(k); }
  }
  for (const [name, raw] of Object.entries(schema.properties)) {
    const node = resolve(raw);
    if (state.data[name] === undefined && node.type === "array" && resolve(node.items).type === "object") {
      state.data[name] = Array.from({ length: node.minItems || 0 }, () => ({}));
    }
  }
  state.body = {};
  const names = bodySections().map((s) => s.name);
  let current = null;
  for (const line of m[2].split("\n")) {
    const h = /^##[ \t]+(.+?)[ \t#]*$/.exec(line);
    if (h && names.includes(h[1].trim())) { current = h[1].trim(); state.body[current] = ""; continue; }
    const target = current || names[0];
    state.body[target] = (state.body[target] || "") + line + "\n";
  }
  for (const name of Object.keys(state.body)) { state.body[name] = clean(state.body[name], true); }
  state.slug = file.name.replace(/\.md$/i, "").replace(/-utkast$/, "");
  state.slugEdited = true;
  submitted = false;
  touched.clear();
  errors = new Map();
  result.hidden = true;
  render();
  status.textContent = `Filen ${file.name} är inläst.` + (unknown.length
    ? ` Fälten ${unknown.join(", ")} finns inte i formuläret och togs inte med.` : "");
}

// -- start --------------------------------------------------------------------

async function start() {
  const [schemaResponse, vocabResponse] = await Promise.all([
    fetch(config.schema, { credentials: "omit" }),
    fetch(config.vocabularies, { credentials: "omit" }),
  ]);
  if (!schemaResponse.ok || !vocabResponse.ok) { throw new Error("schemat kunde inte hämtas"); }
  schema = await schemaResponse.json();
  vocabularies = await vocabResponse.json();
  initialState();

  const load = el("input", { type: "file", id: "kb-load", accept: ".md,text/markdown,text/plain" });
  load.addEventListener("change", () => { if (load.files && load.files[0]) { loadFile(load.files[0]); } });
  const loader = el("div", { class: "kb-field kb-load" },
    el("label", { for: "kb-load", text: "Fortsätt med en fil som ni har laddat ned tidigare (valfritt)" }),
    el("p", { class: "kb-hint", id: "kb-load-hint", text: "Filen läses bara i er webbläsare. Den skickas inte någonstans." }),
    load);
  load.setAttribute("aria-describedby", "kb-load-hint");
  // GOV.UK's error summary: focused when shown, its content in a role=alert container.
  summary = el("div", { class: "kb-error-summary", id: "kb-error-summary", tabindex: "-1", hidden: true });
  form = el("form", { id: "kb-form", novalidate: true });
  form.addEventListener("submit", onSubmit);
  status = el("p", { class: "kb-status", id: "kb-form-status", role: "status" });
  result = el("section", { class: "kb-result", id: "kb-result", "aria-labelledby": "kb-result-title", hidden: true });
  mount.replaceChildren(loader, form, status, result);
  render();
  mount.hidden = false;
  mount.setAttribute("data-ready", "true");
  if (nojs) { nojs.hidden = true; }
}

if (mount && config) {
  start().catch((error) => {
    mount.hidden = false;
    mount.replaceChildren(el("p", { class: "kb-field-error", role: "alert",
      text: `Formuläret kunde inte laddas (${error.message}). Använd något av sätten nedan.` }));
  });
}

// The body scanners, for the browser test that compares them with content/body.py.
export { blankCodeSpans, atx, inlineLinks };
