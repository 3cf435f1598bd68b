// The explain page: the learner pastes rustc's rendered error text; this reads it back into
// errors and scores each against the corpus's index (INDEX, written by `sendsync site`), in the
// browser, with no network. It is a copy of src/explain.rs (read_rendered, shape_of, score,
// Index::nearest), kept line for line so the two give the same cases: `cargo test --test
// explain` holds them to it on the evaluation set.
"use strict";

const WEIGHTS = { code: 3, headline: 1.5, trait: 1, culprit: 4, kin: 2, bound: 2, kinds: 3, context: 2, links: 2, held: 4 };

function renderedHeadline(line) {
  for (const level of ["error", "warning"]) {
    if (!line.startsWith(level)) continue;
    const rest = line.slice(level.length);
    if (rest.startsWith(": ")) return [level, null, rest.slice(2)];
    if (rest.startsWith("[")) {
      const end = rest.indexOf("]: ");
      if (end < 0) return null;
      return [level, rest.slice(1, end), rest.slice(end + 3)];
    }
  }
  return null;
}

function gutter(trimmed) {
  const rest = trimmed.replace(/^[0-9]*/, "").trimStart();
  return rest.startsWith("|") ? rest.slice(1) : null;
}

function splitPlace(place) {
  const p = place.trim();
  const parts = p.split(":");
  if (parts.length >= 3) {
    const col = parts[parts.length - 1], line = parts[parts.length - 2];
    if (/^[0-9]+$/.test(col) && /^[0-9]+$/.test(line)) {
      return [parts.slice(0, -2).join(":"), Number(line), Number(col)];
    }
  }
  return [p, 0, 0];
}

function isStdPath(path) {
  return path.startsWith("$RUST") || path.includes("/rustc/") || path.includes("/rustlib/src/rust/");
}

// A crate's file from cargo's registry (read.rs's is_crate_path): its bounds are the crate's.
function isCratePath(path) {
  return path.startsWith("$CARGO") || path.includes("/registry/src/");
}

function readRendered(text) {
  const out = [];
  let cur = null;
  for (const raw of text.split(/\r?\n/)) {
    // Terminal colours (ESC [ ... letter), as explain.rs's strip_ansi drops them.
    const line = raw.replace(/\x1b[^A-Za-z]*[A-Za-z]/g, "").trimEnd();
    const head = renderedHeadline(line);
    if (head) {
      if (cur) out.push(cur);
      cur = null;
      const [level, code, message] = head;
      const skip = message.startsWith("aborting due to") || message.startsWith("could not compile");
      if (level === "error" && !skip) {
        cur = { file: "", line: 0, column: 0, code, message, spans: [], children: [], snippet: "" };
      }
      continue;
    }
    if (!cur) continue;
    const trimmed = line.trimStart();
    const last = cur.children[cur.children.length - 1];
    let m;
    if (line.startsWith("note: ")) cur.children.push({ level: "note", message: line.slice(6), spans: [] });
    else if (line.startsWith("help: ")) cur.children.push({ level: "help", message: line.slice(6), spans: [] });
    else if (trimmed.startsWith("= note: ")) cur.children.push({ level: "note", message: trimmed.slice(8), spans: [] });
    else if (trimmed.startsWith("= help: ")) cur.children.push({ level: "help", message: trimmed.slice(8), spans: [] });
    else if (trimmed.startsWith("--> ")) {
      const [path, l, c] = splitPlace(trimmed.slice(4));
      const at = isStdPath(path) ? "$RUST/" : isCratePath(path) ? "$CARGO/" : `${l}:${c}-${l}:${c}`;
      const span = { at, primary: true, label: null };
      if (!last) {
        if (cur.file === "") {
          cur.file = path; cur.line = l; cur.column = c;
          cur.spans.push(span);
        }
      } else if (last.spans.length === 0) {
        last.spans.push(span);
      }
    } else if ((m = gutter(trimmed)) !== null) {
      if (!last) {
        cur.snippet += m + "\n";
      } else {
        for (const phrase of ["has type `", "await occurs here, with `", "await occurs here on type `"]) {
          const pos = m.indexOf(phrase);
          if (pos >= 0) last.spans.push({ at: "", primary: false, label: m.slice(pos) });
        }
      }
    }
  }
  if (cur) out.push(cur);
  return out;
}

// --- the chain, as much of src/chain.rs as a shape needs -----------------------------------

function untilTick(s) { return s.split("`")[0]; }

function notImplemented(message) {
  const i = message.indexOf("the trait `");
  if (i < 0) return null;
  const rest = message.slice(i + "the trait `".length);
  const j = rest.indexOf("`");
  if (j < 0) return null;
  const name = rest.slice(0, j);
  const after = rest.slice(j + 1);
  if (!after.startsWith(" is not implemented for `")) return null;
  return [name, untilTick(after.slice(" is not implemented for `".length))];
}

function traitOf(d) {
  for (const c of d.children) {
    const n = notImplemented(c.message);
    if (n) return n[0];
  }
  const m = d.message;
  if (m.endsWith("cannot be sent between threads safely")) return "Send";
  if (m.endsWith("cannot be shared between threads safely")) return "Sync";
  if (m.endsWith("may not be safely transferred across an unwind boundary")) return "UnwindSafe";
  return null;
}

function codeOrDash(code) {
  return code && code.length === 5 && code.startsWith("E") ? code : "-";
}

// The codeless future headline and its older wordings (chain::is_future_headline).
function isFutureHeadline(m) {
  return ["future cannot be ", "generator cannot be ", "coroutine cannot be "].some((p) => m.startsWith(p));
}

function isFutureNote(m) {
  return ["future is not `", "generator is not `", "coroutine is not `"].some((p) => m.startsWith(p));
}

function isChainError(d) {
  const future = !d.code && isFutureHeadline(d.message);
  return future || (d.code === "E0277" && traitOf(d) !== null);
}

function headlineType(message) {
  if (!message.startsWith("`")) return null;
  const ty = untilTick(message.slice(1));
  return ty !== "" && message.includes(" cannot be ") ? ty : null;
}

// Shortens `{closure@path:17:32: 17:39}` to `{closure@17:32}` (chain::simplify).
function simplify(ty) {
  return ty.replace(/([{\[])(closure|async block|async closure|coroutine)@([^}\]]*)[}\]]/g, (all, open, what, loc) => {
    const head = loc.split(": ")[0];
    const parts = head.split(":");
    if (parts.length < 3) return all;
    const col = parts[parts.length - 1], line = parts[parts.length - 2];
    if (!/^[0-9]+$/.test(col) || !/^[0-9]+$/.test(line)) return all;
    return `{${what}@${line}:${col}}`;
  });
}

function constructor(ty) {
  let t = ty.trim().replace(/^&+/, "").trimStart();
  if (t.startsWith("'_ ")) t = t.slice(3);
  if (t.startsWith("mut ")) t = t.slice(4);
  if (t.startsWith("*const") || t.startsWith("*mut")) return t.startsWith("*mut") ? "*mut" : "*const";
  if (t.startsWith("dyn ") || t.startsWith("(dyn ")) return "dyn";
  if (t.startsWith("(")) return "tuple";
  if (t.startsWith("[")) return "slice";
  if (t.startsWith("{")) return t.slice(1).split("@")[0];
  const head = t.split("<")[0];
  const segs = head.split("::");
  return segs[segs.length - 1].trim();
}

function dropGenerics(item) {
  let out = "", depth = 0;
  for (const ch of item) {
    if (ch === "<") depth += 1;
    else if (ch === ">") depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out.split("::::").join("::");
}

function isClosure(ty) { return ty.startsWith("{closure@"); }
function isFuture(ty) { return ty.startsWith("{async") || ty.startsWith("{coroutine") || ty.startsWith("impl Future"); }

const AWAITED = "an awaited future";

// The chain's links between culprit and bound, as chain::chain_of reads them (kind, subject,
// detail), the culprit's class and the demanding bound.
function chainParts(d) {
  const links = [];
  let culprit = null;
  for (const c of d.children) {
    const n = notImplemented(c.message);
    if (n) { culprit = n[1]; break; }
  }
  if (culprit === null) culprit = headlineType(d.message);
  if (culprit !== null) links.push({ kind: "culprit", subject: simplify(culprit) });
  else links.push({ kind: "unknown", subject: "rustc names no culprit type" });
  let chainBound = "";
  const push = (kind, subject, detail) => links.push({ kind, subject, detail: detail || null });
  const placeOrPush = (ty) => {
    if (links[links.length - 1].subject === ty) return;
    push("within-type", ty);
  };
  const label = (c, prefix) => {
    const l = c.spans.map((s) => s.label || "").find((x) => x.startsWith(prefix));
    return l === undefined ? null : untilTick(l.slice(prefix.length));
  };
  for (const c of d.children) {
    const m = c.message;
    let rest;
    if (m.startsWith("required because it appears within the type `")) {
      const ty = simplify(untilTick(m.slice("required because it appears within the type `".length)));
      push(isClosure(ty) ? "captured-by-closure" : isFuture(ty) ? "captured-by-future" : "within-type", ty);
    } else if (m.startsWith("required for `")) {
      rest = m.slice("required for `".length);
      const i = rest.indexOf("` to implement `");
      if (i >= 0) {
        const ty = simplify(rest.slice(0, i));
        push(ty.startsWith("&") ? "reference-to" : "required-for", ty);
      } else if (rest.includes("` to ")) {
        chainBound = "cast";
      }
    } else if (m.startsWith("required for the cast from `")) {
      chainBound = "cast";
    } else if (m === "required because it's used within this closure") {
      push("captured-by-closure", "{closure}");
    } else if (m.startsWith("required because it's used within this ")) {
      push("captured-by-future", "future");
    } else if (isFutureNote(m) && m.includes("awaits another future")) {
      const awaited = label(c, "await occurs here on type `");
      if (awaited !== null) placeOrPush(simplify(awaited));
      push("held-across-await", AWAITED);
    } else if (isFutureNote(m) && m.includes("used across an await")) {
      const held = label(c, "has type `");
      placeOrPush(held !== null ? simplify(held) : "a value");
      push("held-across-await", "the future", label(c, "await occurs here, with `"));
    } else if (m.startsWith("captured value is not `")) {
      const held = label(c, "has type `");
      if (held !== null) placeOrPush(simplify(held));
      push("captured-by-future", "the async block");
    } else if (m.startsWith("required by a bound in `")) {
      chainBound = "item";
    } else if (m === "required by a bound in an opaque type") {
      chainBound = "return-type";
    } else if (m.startsWith("shared static variables must have a type that implements `")) {
      chainBound = "static";
    } else if (/^[0-9]+ redundant requirements? hidden$/.test(m)) {
      push("hidden", m);
    }
  }
  let bound = "";
  for (let i = d.children.length - 1; i >= 0; i--) {
    const ch = d.children[i];
    if (!ch.message.startsWith("required by a bound in `")) continue;
    const item = untilTick(ch.message.slice("required by a bound in `".length));
    const primary = ch.spans.find((s) => s.primary);
    const elsewhere = primary && (primary.at.startsWith("$RUST") || primary.at.startsWith("$CARGO"));
    bound = elsewhere ? dropGenerics(item) : "user-fn";
    break;
  }
  if (bound === "" && chainBound !== "item") bound = chainBound;
  return { culprit: culprit === null ? "" : culpritClass(simplify(culprit)), links, bound };
}

// shape::link_kinds: the kinds between culprit and bound, sorted, each once.
function linkKinds(links) {
  const kinds = [];
  for (const l of links) {
    if (["culprit", "required-by-bound", "hidden", "unknown"].includes(l.kind)) continue;
    if (l.kind === "held-across-await" && l.subject === AWAITED) kinds.push("awaits-future");
    else if (l.kind === "within-type" && l.subject.startsWith("&")) kinds.push("reference-to");
    else kinds.push(l.kind);
  }
  return [...new Set(kinds)].sort();
}

// links::culprit_class: a trait object's class is its trait (`dyn Error`, `dyn Fn`).
function culpritClass(ty) {
  const c = constructor(ty);
  if (c !== "dyn") return c;
  let t = ty.trim().replace(/^[&(]+/, "").trimStart();
  if (t.startsWith("dyn ")) t = t.slice(4);
  const head = t.split(/[<( +)]/)[0];
  const segs = head.split("::");
  const name = segs[segs.length - 1];
  if (["Fn", "FnMut", "FnOnce"].includes(name)) return "dyn Fn";
  return name === "" ? "dyn" : "dyn " + name;
}

// links::headline_family: older and newer wordings of one headline.
function headlineFamily(h) {
  for (const old of ["generator cannot be ", "coroutine cannot be "]) {
    if (h.startsWith(old)) return "future cannot be " + h.slice(old.length);
  }
  if (h.startsWith("borrow of moved value")) return "use of moved value" + h.slice("borrow of moved value".length);
  return h;
}

// links::held_shape.
function heldShape(subject, v, text) {
  if (subject === AWAITED) return "awaited";
  if (v === null || v === undefined) return "held:variable";
  const name = v.startsWith("mut ") ? v.slice(4) : v;
  if (!/^[\p{L}\p{N}_]+$/u.test(name)) return "held:temporary";
  return text.includes("drop(" + name + ")") ? "held:drop" : "held:variable";
}

// links::specific_links.
function specificLinks(links, text) {
  const out = [];
  const add = (w) => { if (!out.includes(w)) out.push(w); };
  for (const l of links) {
    if ((l.kind === "within-type" || l.kind === "required-for") && !l.subject.startsWith("&")) add(l.kind + ":" + constructor(l.subject));
    else if (l.kind === "reference-to" || l.kind === "within-type") add("reference-to:&");
    else if (l.kind === "held-across-await") { add("in:future"); add(heldShape(l.subject, l.detail, text)); }
    else if (l.kind === "captured-by-future") add("in:future");
    else if (l.kind === "captured-by-closure") add("in:closure");
  }
  return out.sort();
}

function blankQuotes(message) {
  return message.split("`").map((p, i) => (i % 2 === 1 ? "`_`" : p)).join("");
}

function contextOf(text, notes) {
  const has = (s) => text.includes(s);
  const notesStatic = notes.some((n) => n.includes("'static"));
  const out = [];
  const add = (w, yes) => { if (yes) out.push(w); };
  add("spawn", has("spawn(") && !has(".spawn("));
  add("scope", has("scope") || has(".spawn("));
  add("channel", has(".send(") || has(".recv(") || has("channel") || has("Sender") || has("Receiver"));
  add("lock", has(".lock()") || has(".read()") || has(".write()"));
  add("async", has("async") || has(".await"));
  add("static", has("static ") || has("'static") || notesStatic);
  add("arc", has("Arc"));
  add("loop", has("for ") || has("loop {") || has("while "));
  add("move", has("move |") || has("move||"));
  add("drop", has("drop("));
  add("field", /(?:^|[^A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*\.[0-9]/.test(text));
  return out;
}

function shapeOf(d) {
  const shape = { code: codeOrDash(d.code), headline: headlineFamily(blankQuotes(d.message)), trait: "", culprit: "", kinds: [], bound: "", context: [], links: [] };
  if (isChainError(d)) {
    shape.trait = traitOf(d) || "Send";
    const parts = chainParts(d);
    shape.culprit = parts.culprit;
    shape.kinds = linkKinds(parts.links);
    shape.links = specificLinks(parts.links, d.snippet);
    shape.bound = parts.bound;
    if (shape.bound === "" && d.snippet.includes("-> impl ")) shape.bound = "return-type";
  }
  shape.context = contextOf(d.snippet, d.children.map((c) => c.message));
  return shape;
}

const THREAD_CODES = ["E0373", "E0382", "E0499", "E0502", "E0505", "E0506", "E0507", "E0521", "E0594", "E0596",
  "E0597", "E0716", "E0310", "E0282", "E0133", "E0015", "E0283"];

function isSendSync(s) {
  const auto = s.trait.split("::").pop();
  if (["Send", "Sync", "UnwindSafe", "RefUnwindSafe"].includes(auto) || isFutureHeadline(s.headline)) return true;
  if (s.headline.includes("Send") || s.headline.includes("Sync")) return true;
  const threads = ["spawn", "scope", "channel", "lock", "async", "static", "arc"];
  return THREAD_CODES.includes(s.code) && s.context.some((c) => threads.includes(c));
}

// --- scoring (explain::score) ---------------------------------------------------------------

function kin(c) {
  if (["Cell", "RefCell", "UnsafeCell", "OnceCell", "LazyCell", "Ref", "RefMut"].includes(c)) return "interior mutability";
  if (["Rc", "Weak"].includes(c)) return "reference counting";
  if (["MutexGuard", "RwLockReadGuard", "RwLockWriteGuard", "StdoutLock", "StderrLock", "ReentrantLockGuard", "MappedMutexGuard"].includes(c)) return "a lock guard";
  if (["*mut", "*const", "NonNull"].includes(c)) return "a raw pointer";
  if (c === "dyn" || c.startsWith("dyn ")) return "a trait object";
  if (["Sender", "Receiver", "SyncSender"].includes(c)) return "a channel end";
  if (c.startsWith("impl ") || c.startsWith("async")) return "an opaque type";
  if (c !== "" && c.length <= 2 && /^[A-Z]+$/.test(c)) return "a type parameter";
  return null;
}

function culpritWords(c) {
  if (c === "*mut" || c === "*const") return "`" + c + " _`";
  if (c === "dyn") return "`dyn Trait`";
  if (c.startsWith("dyn ")) return "`" + c + "`";
  if (kin(c) === "a type parameter") return "a type parameter `" + c + "`";
  if (c.startsWith("impl ") || c.startsWith("async")) return "`" + c + "`";
  return "`" + c + "<_>`";
}

function boundWords(b) {
  return ({
    "spawn": "`thread::spawn`",
    "Scope::spawn": "`Scope::spawn` (scoped threads)",
    "user-fn": "a bound on a function of the program's own",
    "static": "a `static`",
    "cast": "a cast to `dyn … + Send`",
    "return-type": "an `impl Trait + Send` return type",
  })[b] || "`" + b + "`";
}

function kindWords(k) {
  return ({
    "within-type": "inside another type",
    "reference-to": "behind a shared reference",
    "required-for": "inside a generic wrapper",
    "captured-by-closure": "captured by a closure",
    "captured-by-future": "captured by a future",
    "held-across-await": "held across `.await`",
    "awaits-future": "awaits a future that is not `Send`",
  })[k] || "linked";
}

function codeWords(code) {
  return code === "-" ? " without a code" : " " + code;
}

// matching::link_words.
function linkWords(l) {
  const fixed = {
    "awaited": "an awaited future that is not `Send`",
    "held:drop": "passed to `drop` before `.await`, still held",
    "held:temporary": "a temporary held across `.await`",
    "held:variable": "a variable held across `.await`",
    "reference-to:&": "behind a reference",
    "in:future": "in a future's state",
    "in:closure": "in a closure",
  }[l];
  if (fixed) return fixed;
  const i = l.indexOf(":");
  return i >= 0 ? "inside `" + l.slice(i + 1) + "`" : l;
}

function isHeldShape(l) { return l.startsWith("held:"); }

function jaccard(a, b) {
  const common = a.filter((x) => b.includes(x));
  const union = a.length + b.length - common.length;
  return [union === 0 ? 0 : common.length / union, common];
}

function score(user, c) {
  let points = 0;
  const why = [];
  const sameHeadline = user.headline === c.headline;
  // Both obligations (an E0277 or the codeless future error): one kind of error.
  if (user.trait !== "" && c.trait !== "") {
    points += WEIGHTS.code;
    why.push(user.code === c.code ? "same error" + codeWords(user.code) : "the same kind of error (a trait missing along a chain)");
  } else {
    if (user.code === c.code) {
      points += WEIGHTS.code;
      why.push("same error" + codeWords(user.code) + (sameHeadline ? " and message" : ""));
    }
    if (sameHeadline) {
      points += WEIGHTS.headline;
      if (user.code !== c.code) why.push("same message");
    }
  }
  if (user.trait !== "" && user.trait === c.trait) {
    points += WEIGHTS.trait;
    why.push("`" + user.trait + "` missing");
  }
  if (user.culprit !== "" && c.culprit !== "") {
    if (user.culprit === c.culprit) {
      points += WEIGHTS.culprit;
      why.push("same culprit " + culpritWords(user.culprit));
    } else {
      const a = kin(user.culprit), b = kin(c.culprit);
      if (a !== null && a === b) {
        points += a === "a trait object" ? WEIGHTS.kin / 2 : WEIGHTS.kin;
        why.push(`culprit of the same kind (${a}: ${culpritWords(c.culprit)} like ${culpritWords(user.culprit)})`);
      }
    }
  }
  if (user.bound !== "" && user.bound === c.bound) {
    points += WEIGHTS.bound;
    why.push("demanded by " + boundWords(user.bound));
  }
  let [share, common] = jaccard(user.kinds, c.kinds);
  if (share > 0) {
    points += WEIGHTS.kinds * share;
    why.push(common.map(kindWords).join(", "));
  }
  const userLinks = user.links || [], caseLinks = c.links || [];
  const held = userLinks.filter(isHeldShape), caseHeld = caseLinks.filter(isHeldShape);
  const h = held.find((x) => x !== "held:variable" && caseHeld.includes(x));
  if (h !== undefined) {
    points += WEIGHTS.held;
    why.push("the same `.await` shape: " + linkWords(h));
  }
  [share, common] = jaccard(userLinks.filter((l) => !isHeldShape(l)), caseLinks.filter((l) => !isHeldShape(l)));
  if (share > 0) {
    points += WEIGHTS.links * share;
    why.push("the same links (" + common.map(linkWords).join(", ") + ")");
  }
  [share, common] = jaccard(user.context, c.context);
  if (share > 0) {
    points += WEIGHTS.context * share;
    why.push("around " + common.join(", "));
  }
  return [Math.round(points * 100) / 100, why];
}

function nearest(shape, n) {
  const best = [];
  for (const e of INDEX) {
    const [points, why] = score(shape, e.shape);
    const seen = best.find((m) => m.name === e.name);
    if (seen) {
      if (seen.score < points) { seen.score = points; seen.why = why; }
    } else {
      best.push({ name: e.name, topic: e.topic, title: e.title, score: points, why });
    }
  }
  best.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const top = best.slice(0, n);
  // Equal scores share a rank: a tie, shown as one.
  top.forEach((m, i) => { m.rank = i > 0 && m.score === top[i - 1].score ? top[i - 1].rank : i + 1; });
  return top;
}

// --- the page ---------------------------------------------------------------------------------

function explainText(text) {
  return readRendered(text).map((d) => {
    const shape = shapeOf(d);
    const sendSync = isSendSync(shape);
    return { d, shape, sendSync, matches: sendSync ? nearest(shape, 3) : [] };
  });
}

function esc(s) {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

function code(s) {
  return esc(s).replace(/`([^`]*)`/g, "<code>$1</code>");
}

function show(text) {
  const out = document.getElementById("results");
  if (text.trim() === "") { out.innerHTML = ""; return; }
  const all = explainText(text);
  if (all.length === 0) {
    out.innerHTML = "<p class=\"note\">No <code>error</code> line found: paste the compiler's text from <code>error[E…]:</code> or <code>error:</code> on.</p>";
    return;
  }
  out.innerHTML = all.map((r, i) => {
    const where = r.d.file ? `${esc(r.d.file)}:${r.d.line}:${r.d.column}: ` : "";
    const head = `<h2>${where}error${r.d.code ? "[" + esc(r.d.code) + "]" : ""}: ${code(r.d.message)}</h2>`;
    if (!r.sendSync) return `<section class="explained" data-error="${i}">${head}<p class="note">not a Send/Sync error</p></section>`;
    const s = r.shape;
    const facts = [s.culprit && "culprit " + culpritWords(s.culprit), s.bound && "demanded by " + boundWords(s.bound)]
      .concat(s.kinds.map(kindWords)).filter(Boolean).join("; ");
    const tied = (m) => r.matches.filter((o) => o.rank === m.rank).length > 1;
    const items = r.matches.map((m) => `<li class="match" data-name="${esc(m.name)}" data-page="${esc(m.topic)}/${esc(m.name)}.html"><a>${code(m.title)}</a> <span class="score">score ${m.score}${tied(m) ? ", a tie" : ""}</span><div class="why">${code(m.why.join("; "))}</div></li>`).join("");
    return `<section class="explained" data-error="${i}">${head}<p class="shape">${code(facts)}</p><ol class="matches">${items}</ol></section>`;
  }).join("");
  // Each match links to its case's page (set here, so the page's own text holds no link
  // pattern that points nowhere).
  for (const li of out.querySelectorAll("li.match")) li.querySelector("a").setAttribute("href", li.dataset.page);
}

function start() {
  const box = document.getElementById("error-text");
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.has("batch")) {
    // For the test: many rendered errors at once, each answered with its three nearest cases.
    const texts = JSON.parse(hash.get("batch"));
    const answers = texts.map((t) => {
      const first = explainText(t).find((r) => r.sendSync);
      return first ? first.matches.map((m) => m.name) : [];
    });
    document.getElementById("batch").textContent = JSON.stringify(answers);
  }
  if (hash.has("text")) box.value = hash.get("text");
  box.addEventListener("input", () => show(box.value));
  show(box.value);
}

start();
