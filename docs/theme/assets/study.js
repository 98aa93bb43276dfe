/* Open answers and what to practise next. sitebuild/generate/exam.py writes the data into the page (data-open-answer,
   data-exam, data-next-up) and every string into assets/site-text.js (window.SiteText), loaded before this script;
   without this script the page shows the key points as a list.
   Answers, self-grades and the schedule stay in this browser's localStorage. No framework, nothing fetched.
   Loaded before quiz.js, which records its results in the same schedule and shares the DOM helpers. */
(() => {
  "use strict";
  const DAY = 86400000;
  const INTERVALS = [0, 1, 3, 7, 16]; // days until a question in Leitner box 1..5 is due again
  const SCHEDULE = "dl-study"; // shared by both languages: the thirteen questions are the same
  let uid = 0;

  const el = (tag, attrs = {}, html) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    if (html !== undefined) node.innerHTML = html;
    return node;
  };
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
  const plain = (html) => el("div", {}, html).textContent.trim();
  const read = (key, fallback) => {
    try {
      return JSON.parse(localStorage.getItem(key)) ?? fallback;
    } catch {
      return fallback;
    }
  };
  const write = (key, value) => {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      /* storage blocked: the page works, nothing is kept */
    }
  };
  const forget = (which) => {  // removes the keys `which` accepts
    try {
      for (const key of Object.keys(localStorage)) if (which(key)) localStorage.removeItem(key);
    } catch {
      /* nothing was kept */
    }
  };
  const words = (text) => (text.match(/[\p{L}\p{N}][^\s]*/gu) || []).length;

  /* The schedule: Leitner boxes 1-5 per question, a new question starting in box 1. A good result (80 % or more)
     on a question that is due moves it up a box, a poor one (under 50 %) back to box 1; a box's interval says when
     it is due again. A good result before then changes nothing: saving twice, or several right items on one page,
     must not climb the boxes. */
  const Study = {
    record(topic, ratio) {
      const state = read(SCHEDULE, {});
      const now = Date.now();
      const entry = state[topic] || { box: 1, due: now };
      const due = entry.due <= now;
      const box = ratio < 0.5 ? 1 : ratio >= 0.8 && due ? Math.min(5, entry.box + 1) : entry.box;
      const next = box === entry.box && !due ? entry.due : now + INTERVALS[box - 1] * DAY;
      state[topic] = { box, due: next, last: now, ratio };
      write(SCHEDULE, state);
      document.dispatchEvent(new CustomEvent("study:changed"));
    },
    // Every question, the one to practise first first: poor results that are due, then questions never practised,
    // then the other due ones by box, then the rest by the day they come due.
    order(topics) {
      const state = read(SCHEDULE, {});
      const now = Date.now();
      const rank = (t) => {
        const s = state[t.n];
        if (!s) return [1, 0, t.n];
        if (s.due > now) return [3, s.due, t.n];
        return s.box === 1 ? [0, s.last, t.n] : [2, s.box, t.n];
      };
      const compare = (a, b) => {
        const [x, y] = [rank(a), rank(b)];
        return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
      };
      return [...topics].sort(compare).map((t) => ({ ...t, state: state[t.n] }));
    },
    // Everything this site keeps: the schedule, answers, exams and the multiple-choice scores.
    clear() {
      forget((key) => key.startsWith("dl-") || key.startsWith("quiz-practice-"));
      document.dispatchEvent(new CustomEvent("study:changed", { detail: { cleared: true } }));
    },
  };
  window.StudySite = { el, fill, read, write, Study }; // quiz.js records its results here and shares the helpers

  // The glossary terms an answer uses, as links to the glossary at `glossary` (relative to the page). The terms
  // are [spellings, anchor, term] in site-text.js; their patterns are compiled at the first word typed, not at load.
  let patterns = null;
  function termsIn(text, glossary) {
    if (!glossary || !text.trim()) return [];
    patterns ??= window.SiteText.terms.map(([forms, anchor, term]) => {
      const escaped = forms.map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
      return [new RegExp(`(^|[^\\p{L}\\p{N}])(?:${escaped})(?![\\p{L}\\p{N}])`, "iu"), anchor, term];
    });
    const found = patterns.filter(([pattern]) => pattern.test(text));
    return found.map(([, anchor, term]) => `<a href="${glossary}#${anchor}">${term}</a>`);
  }

  // A checklist of key points as a fieldset; onChange gets the ticked indices.
  function checklist(points, ticked, ui, onChange) {
    const fieldset = el("fieldset", { class: "checklist" });
    fieldset.append(el("legend", {}, ui.tick));
    const boxes = points.map((point, i) => {
      const row = el("div", { class: "checklist__point" });
      const id = `kp-${++uid}`;
      const box = el("input", { type: "checkbox", id, value: String(i) });
      box.checked = ticked.includes(i);
      const more = fill(ui.read_more, { section: point.section });
      row.append(box, el("label", { for: id }, point.text), " ", el("a", { href: point.href }, more));
      fieldset.append(row);
      return box;
    });
    fieldset.addEventListener("change", () => onChange(boxes.flatMap((box, i) => (box.checked ? [i] : []))));
    return fieldset;
  }

  // "Write your answer" on a question page: the text is kept as it is typed, Compare shows the key points. The
  // form is in the page already (sitebuild/generate/exam.py), so that nothing below it moves when this runs.
  function initAnswer(box) {
    const data = JSON.parse(box.dataset.openAnswer);
    const ui = window.SiteText.exam;
    const state = read(data.key, { text: "", ticks: [], open: false });
    const save = () => write(data.key, state);
    const live = box.querySelector(".open-answer-live");
    const [area, count, terms] = [".open-answer__text", ".open-answer__count", ".open-answer__terms"].map((s) =>
      live.querySelector(s),
    ); // terms is not a live region: it changes on every key
    const [compare, panel] = [live.querySelector("button[aria-controls]"), live.querySelector(".open-answer__compare")];
    area.value = state.text;
    const score = el("p", { class: "open-answer__score", role: "status" });
    const done = el("button", { type: "button", class: "md-button" }, ui.done);
    const graded = el("p", { class: "open-answer__graded", role: "status" });
    const list = checklist(data.points, state.ticks, ui, (ticks) => {
      state.ticks = ticks;
      save();
      showScore();
    });
    panel.append(list, score, done, graded);

    const showScore = () => (score.textContent = fill(ui.score, { score: state.ticks.length, total: data.points.length }));
    const showTerms = () => {
      const found = termsIn(area.value, data.glossary);
      terms.innerHTML = found.length ? `${ui.terms_found} ${found.join(", ")}` : ui.no_terms;
      count.textContent = fill(ui.words, { n: words(area.value) });
    };
    const showPanel = (open) => {
      panel.hidden = !open;
      compare.setAttribute("aria-expanded", String(open));
      compare.textContent = open ? ui.hide : ui.compare;
    };
    area.addEventListener("input", () => {
      state.text = area.value;
      save();
      showTerms();
    });
    compare.addEventListener("click", () => {
      state.open = panel.hidden;
      save();
      showPanel(state.open);
      if (state.open) list.querySelector("input").focus();
    });
    done.addEventListener("click", () => {
      Study.record(data.topic, state.ticks.length / data.points.length);
      state.graded = { score: state.ticks.length, total: data.points.length, when: Date.now() };
      save();
      graded.textContent = fill(ui.graded, state.graded);
    });

    box.querySelector(".open-answer-static").hidden = true; // CSS hides it already where `scripting` is known
    showPanel(state.open);
    showScore();
    showTerms();
    if (state.graded) graded.textContent = fill(ui.graded, state.graded);
  }

  // Exam mode on the practice page: choose, write, grade, summarise; the exam in progress survives a reload.
  function initExam(box) {
    const data = JSON.parse(box.dataset.exam);
    const ui = window.SiteText.exam;
    const byN = new Map(data.questions.map((q) => [q.n, q]));
    let state = read(data.key, null);
    let timer = null;
    const save = () => write(data.key, state);
    const view = el("div", { class: "exam-live" });
    box.querySelector(".exam-static").hidden = true;
    box.append(view);

    const button = (label, onClick, primary) => {
      const node = el("button", { type: "button", class: `md-button${primary ? " md-button--primary" : ""}` }, label);
      node.addEventListener("click", onClick);
      return node;
    };
    const heading = (q) => el("h3", { tabindex: "-1", id: `exam-q${q.n}` }, q.title); // the title: "5. A Keras ..."

    function setup() {
      clearInterval(timer);
      view.replaceChildren(el("p", {}, ui.exam_intro));
      const choose = el("fieldset", { class: "exam-choose" });
      choose.append(el("legend", {}, ui.choose));
      const picks = data.questions.map((q) => {
        const id = `exam-${++uid}`;
        const pick = el("input", { type: "checkbox", id, value: String(q.n) });
        pick.checked = true;
        const row = el("div");
        row.append(pick, el("label", { for: id }, q.title));
        choose.append(row);
        return pick;
      });
      const all = (on) => () => picks.forEach((pick) => (pick.checked = on));
      choose.append(el("p"));
      choose.lastChild.append(button(ui.all, all(true)), " ", button(ui.none, all(false)));
      const minutesId = `exam-${++uid}`;
      const minutes = el("input", { type: "number", id: minutesId, min: "1", max: "300", inputmode: "numeric" });
      const limit = el("p", { class: "exam-limit" });
      limit.append(el("label", { for: minutesId }, ui.minutes), " ", minutes);
      const problem = el("p", { class: "exam-problem", role: "alert" });
      const start = button(ui.start, () => {
        const picked = picks.filter((p) => p.checked).map((p) => Number(p.value));
        if (!picked.length) return (problem.textContent = ui.no_questions);
        const limitMinutes = Number(minutes.value) > 0 ? Number(minutes.value) : null;
        state = { phase: "writing", picked, answers: {}, ticks: {}, started: Date.now(), minutes: limitMinutes };
        save();
        writing();
      }, true);
      view.append(choose, limit, problem, el("p"));
      view.lastChild.append(start);
      if (state) view.lastChild.append(" ", button(ui.resume, resume), " ", button(ui.discard, discard));
    }

    function discard() {
      state = null;
      forget((key) => key === data.key);
      setup();
    }

    function resume() {
      if (state.phase === "writing") writing();
      else grading(state.phase === "summary");
    }

    function writing() {
      view.replaceChildren();
      const clock = el("p", { class: "exam-timer", role: "timer" });
      if (state.minutes) view.append(clock);
      for (const n of state.picked) {
        const q = byN.get(n);
        const section = el("section", { class: "exam-question" });
        const id = `exam-answer-${n}`;
        const area = el("textarea", { id, rows: "6", class: "open-answer__text", "aria-describedby": `exam-q${n}` });
        area.value = state.answers[n] || "";
        area.addEventListener("input", () => {
          state.answers[n] = area.value;
          save();
        });
        section.append(heading(q), el("div", { class: "exam-question__text" }, q.question));
        section.append(el("label", { for: id }, ui.your_answer), area);
        view.append(section);
      }
      const finish = () => {
        clearInterval(timer);
        state.phase = "grading";
        state.finished = Date.now();
        save();
        grading(false);
      };
      view.append(el("p"));
      view.lastChild.append(button(ui.finish, finish, true));
      view.querySelector(".exam-question h3").focus(); // the first question, read before its answer box
      if (!state.minutes) return;
      const tick = () => {
        const left = state.started + state.minutes * 60000 - Date.now();
        if (left <= 0) {
          finish();
          view.prepend(el("p", { class: "exam-time-up", role: "alert" }, ui.time_up));
          return;
        }
        const s = Math.ceil(left / 1000);
        const time = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
        clock.textContent = fill(ui.time_left, { time });
      };
      tick();
      timer = setInterval(tick, 1000);
    }

    function grading(withSummary) {
      view.replaceChildren(el("p", {}, ui.grade_intro));
      for (const n of state.picked) {
        const q = byN.get(n);
        const section = el("section", { class: "exam-question" });
        const answer = el("div", { class: "exam-answer" });
        answer.textContent = (state.answers[n] || "").trim() || ui.empty_answer;
        const score = el("p", { class: "open-answer__score", role: "status" });
        const show = () => (score.textContent = fill(ui.score, { score: (state.ticks[n] || []).length, total: q.points.length }));
        const list = checklist(q.points, state.ticks[n] || [], ui, (ticks) => {
          state.ticks[n] = ticks;
          save();
          show();
        });
        section.append(heading(q), el("div", { class: "exam-question__text" }, q.question));
        section.append(el("p", { class: "exam-answer__label" }, `<strong>${ui.your_answer}</strong>`), answer);
        section.append(list, score);
        show();
        view.append(section);
      }
      const summaryBox = el("div", { class: "exam-summary", tabindex: "-1" });
      const buttons = el("p");
      buttons.append(button(ui.summary, () => summary(summaryBox, true), true));
      view.append(buttons, summaryBox);
      if (withSummary) summary(summaryBox, false);
      else view.querySelector("h3").focus();
    }

    function summary(target, focus) {
      if (!state.recorded) {
        for (const n of state.picked) Study.record(n, (state.ticks[n] || []).length / byN.get(n).points.length);
        state.recorded = true;
      }
      state.phase = "summary";
      save();
      let score = 0;
      let total = 0;
      const rows = state.picked.map((n) => {
        const q = byN.get(n);
        const ticked = state.ticks[n] || [];
        score += ticked.length;
        total += q.points.length;
        const missed = q.points.filter((_, i) => !ticked.includes(i));
        const seen = new Set();
        const links = missed
          .filter((p) => !seen.has(p.href) && seen.add(p.href))
          .map((p) => `<a href="${p.href}">${p.section}</a>`);
        const again = links.length ? links.join("<br>") : ui.all_covered;
        return `<tr><td><a href="${q.href}">${q.title}</a></td><td>${ticked.length}/${q.points.length}</td><td>${again}</td></tr>`;
      });
      target.innerHTML =
        `<h3>${ui.summary_heading}</h3><p><strong>${fill(ui.total, { score, total })}</strong></p>` +
        `<div class="md-typeset__table"><table><thead><tr><th>${ui.topic}</th><th>${ui.points_col}</th>` +
        `<th>${ui.read_again}</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
      const buttons = el("p", { class: "exam-buttons" });
      buttons.append(button(ui.download, download, true), " ", button(ui.print, () => window.print()), " ");
      buttons.append(button(ui.new_exam, discard));
      target.append(buttons);
      if (focus) target.focus();
    }

    // The exam as a Markdown file: each question, the answer as written, and the key points ticked or not.
    function markdown() {
      const date = new Date(state.started);
      const minutes = Math.round(((state.finished || Date.now()) - state.started) / 60000);
      const out = [`# ${ui.file_title}`, "", `${ui.file_date}: ${date.toISOString().slice(0, 16).replace("T", " ")} UTC`];
      out.push(`${ui.file_time}: ${minutes} min${state.minutes ? ` / ${state.minutes} min` : ""}`, "");
      let score = 0;
      let total = 0;
      for (const n of state.picked) {
        const q = byN.get(n);
        const ticked = state.ticks[n] || [];
        score += ticked.length;
        total += q.points.length;
        out.push(`## ${plain(q.title)}`, "");
        for (const part of el("div", {}, q.question).children) out.push(markdownOf(part), "");
        out.push(`### ${ui.your_answer}`, "", (state.answers[n] || "").trim() || ui.empty_answer, "");
        out.push(`### ${ui.file_points}: ${fill(ui.score, { score: ticked.length, total: q.points.length })}`, "");
        q.points.forEach((p, i) => out.push(`- [${ticked.includes(i) ? "x" : " "}] ${markdownOf(el("p", {}, p.text))}`));
        out.push("");
      }
      out.push(fill(ui.total, { score, total }), "");
      return out.join("\n");
    }

    function download() {
      const link = el("a", {
        href: URL.createObjectURL(new Blob([markdown()], { type: "text/markdown;charset=utf-8" })),
        download: `exam-${data.lang}-${new Date(state.started).toISOString().slice(0, 10)}.md`,
      });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    }

    document.addEventListener("study:changed", (event) => {
      if (event.detail?.cleared && state) {  // the reset button: not a failed write where storage is blocked
        state = null;
        setup();
      }
    });
    setup();
  }

  // A block of the page's HTML as Markdown: code blocks fenced, inline code in backticks, lists as lists.
  function markdownOf(node) {
    if (node.tagName === "PRE") return "```\n" + node.textContent.replace(/\n$/, "") + "\n```";
    if (node.tagName === "UL" || node.tagName === "OL")
      return [...node.children].map((li, i) => `${node.tagName === "OL" ? `${i + 1}.` : "-"} ${markdownOf(li)}`).join("\n");
    const copy = node.cloneNode(true);
    for (const code of copy.querySelectorAll("code")) code.textContent = `\`${code.textContent}\``;
    return copy.textContent.trim();
  }

  // "Next up": the questions in the order the schedule gives, five of them, each with why.
  function initNextUp(box) {
    const data = JSON.parse(box.dataset.nextUp);
    const ui = window.SiteText.exam;
    const list = el("ol", { class: "next-up__list" });
    const note = el("p", { class: "next-up__note" });
    box.querySelector(".next-up-static").hidden = true;
    box.append(note, list);
    function show() {
      const ordered = Study.order(data.topics);
      note.textContent = ordered.some((t) => t.state) ? "" : ui.next_heading_none;
      note.hidden = !note.textContent;
      const now = Date.now();
      list.innerHTML = ordered
        .slice(0, 5)
        .map((t) => {
          const s = t.state;
          const result = s && `${Math.round(s.ratio * 100)}${data.lang === "sv" ? "\u00a0" : ""}%`; // 80 %, 80%
          const date = s && new Date(s.due).toLocaleDateString(data.lang, { day: "numeric", month: "short" });
          const why = !s
            ? ui.next_unseen
            : s.due > now
              ? fill(ui.next_later, { date, box: s.box })
              : s.box === 1
                ? fill(ui.next_weak, { result, box: s.box })
                : fill(ui.next_due, { box: s.box });
          return `<li><a href="${t.href}">${t.title}</a> <span class="next-up__why">(${why})</span></li>`;
        })
        .join("");
    }
    document.addEventListener("study:changed", show);
    window.addEventListener("storage", show);
    show();
  }

  function init() {
    const live = (box) => !box.closest(".print-page");
    for (const box of document.querySelectorAll(".open-answer[data-open-answer]")) if (live(box)) initAnswer(box);
    for (const box of document.querySelectorAll(".exam[data-exam]")) if (live(box)) initExam(box);
    for (const box of document.querySelectorAll(".next-up[data-next-up]")) if (live(box)) initNextUp(box);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
