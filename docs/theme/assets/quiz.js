/* Self-check quizzes and the practice test. sitebuild/generate/quiz.py writes the items into the page (data-quiz,
   data-quiz-practice), and its strings come from assets/site-text.js (window.SiteText.quiz); without this script
   the page shows the questions with their answers in
   collapsible blocks. Scores stay in this browser's localStorage. No framework, nothing fetched: works from file://. */
(() => {
  "use strict";
  const LETTERS = "ABCDEF";
  let uid = 0;

  const { el, fill, read, write, Study } = window.StudySite; // study.js, loaded first: helpers and the schedule

  // The values a typed number may mean: spaces are ignored, and a comma is a decimal comma or a thousands separator.
  function readings(typed) {
    const text = typed.replace(/[\s_\u00a0\u202f]/g, "").replace(/^\u2212/, "-");
    if (!/\d/.test(text) || !/^[-+]?(\d[\d,]*)?(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return [];
    const values = [Number(text.replace(/,/g, ""))];
    if (/^[-+]?\d+,\d+$/.test(text)) values.push(Number(text.replace(",", ".")));
    return values.filter(Number.isFinite);
  }

  // One item as a fieldset; grade() returns true, false, or null when nothing was answered.
  function makeItem(item, number, ui) {
    const name = `quiz-${++uid}`;
    const fieldset = el("fieldset");
    const hint = item.kind === "multiple" ? ` <span class="quiz-item__hint">${ui.select_all}</span>` : "";
    fieldset.append(el("legend", {}, `${number}. ${item.question}${hint}`));
    const inputs = [];
    if (item.kind === "output") {
      const label = el("label", { class: "quiz-number" }, `<span>${ui.your_number}</span>`);
      inputs.push(el("input", { type: "text", inputmode: "decimal", autocomplete: "off", spellcheck: "false", name }));
      label.append(inputs[0]);
      fieldset.append(label);
    } else {
      item.choices.forEach((choice, i) => {
        const label = el("label", { class: "quiz-choice" });
        const type = item.kind === "single" ? "radio" : "checkbox";
        inputs.push(el("input", { type, name, value: String(i) }));
        label.append(inputs[i], el("span", {}, `${LETTERS[i]}. ${choice}`));
        fieldset.append(label);
      });
    }
    function grade() {
      if (item.kind === "output") {
        if (!inputs[0].value.trim()) return null;
        const close = (v) => Math.abs(v - item.value) <= item.tolerance + 1e-9 * Math.max(1, Math.abs(item.value));
        return readings(inputs[0].value).some(close);
      }
      const chosen = inputs.filter((input) => input.checked).map((input) => Number(input.value));
      if (!chosen.length) return null;
      inputs.forEach((input, i) => {
        input.parentElement.classList.toggle("quiz-choice--right", item.answer.includes(i));
        input.parentElement.classList.toggle("quiz-choice--wrong", input.checked && !item.answer.includes(i));
      });
      return chosen.length === item.answer.length && chosen.every((i) => item.answer.includes(i));
    }
    return { fieldset, inputs, grade };
  }

  function answerText(item, ui) {
    if (item.kind === "output") return `<code>${item.shown}</code>`;
    const letters = item.answer.map((i) => LETTERS[i]);
    return letters.length === 1 ? letters[0] : `${letters.slice(0, -1).join(", ")} ${ui.and} ${letters.at(-1)}`;
  }

  function showFeedback(node, item, ok, ui) {
    node.className = `quiz-feedback quiz-feedback--${ok ? "right" : "wrong"}`;
    const verdict = ok === null ? ui.unanswered : ok ? ui.right : ui.wrong;
    node.innerHTML =
      `<p><strong>${verdict}</strong> ${fill(ui.answer, { answer: answerText(item, ui) })}</p>` +
      `<p>${item.explanation} <a href="${item.link.href}">${item.link.text}</a></p>`;
  }

  // "Check yourself" at the end of a question page: each item checked on its own.
  function initQuiz(box) {
    const { items } = JSON.parse(box.dataset.quiz);
    const ui = window.SiteText.quiz;
    const live = el("div", { class: "quiz-live" });
    items.forEach((item, n) => {
      const form = el("form", { class: "quiz-item", "data-item": item.id, novalidate: "" });
      const q = makeItem(item, n + 1, ui);
      const out = el("div", { class: "quiz-feedback", role: "status", "aria-live": "polite" });
      form.append(q.fieldset, el("button", { type: "submit", class: "md-button" }, ui.check), out);
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const ok = q.grade();
        if (ok !== null) Study.record(item.topic, ok ? 1 : 0); // study.js: what to practise next
        if (ok !== null) return showFeedback(out, item, ok, ui);
        out.className = "quiz-feedback";
        out.textContent = item.kind === "output" ? ui.type_first : ui.choose_first;
      });
      live.append(form);
    });
    box.querySelector(".quiz-static").hidden = true;
    box.append(live);
  }

  // The practice test: one random item per topic, in random order, marked together; scores in localStorage.
  function initPractice(box) {
    const data = JSON.parse(box.dataset.quizPractice);
    const ui = window.SiteText.quiz;
    const topics = new Map(data.topics.map((t) => [t.n, t]));
    const pools = new Map();
    for (const item of data.items) pools.set(item.topic, [...(pools.get(item.topic) || []), item]);

    const saved = el("p", { class: "quiz-practice__saved", role: "status", "aria-live": "polite" });
    const start = el("button", { type: "button", class: "md-button md-button--primary" }, ui.start);
    const reset = el("button", { type: "button", class: "md-button" }, ui.reset);
    const result = el("div", { class: "quiz-practice__result", tabindex: "-1" });
    const test = el("form", { class: "quiz-practice__test", novalidate: "", "aria-label": ui.test_label });
    test.hidden = true;
    box.querySelector(".quiz-static").hidden = true;
    box.append(saved, el("p", { class: "quiz-practice__buttons" }), result, test);
    box.querySelector(".quiz-practice__buttons").append(start, " ", reset);

    const load = () => read(data.key, { attempts: [] });
    function showSaved(message) {
      const attempts = load().attempts;
      if (!attempts.length) return (saved.textContent = message || ui.none_saved);
      const last = attempts.at(-1);
      const best = attempts.reduce((a, b) => (b.score / b.total > a.score / a.total ? b : a));
      const values = { last: last.score, last_total: last.total, best: best.score, best_total: best.total };
      saved.textContent = fill(ui.saved, { ...values, count: attempts.length });
    }

    function draw() {
      const picked = [...pools.values()].map((pool) => pool[Math.floor(Math.random() * pool.length)]);
      for (let i = picked.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [picked[i], picked[j]] = [picked[j], picked[i]];
      }
      result.replaceChildren();
      test.replaceChildren();
      const questions = picked.map((item, n) => {
        const wrap = el("div", { class: "quiz-item", "data-item": item.id });
        const q = makeItem(item, n + 1, ui);
        const out = el("div", { class: "quiz-feedback" });
        wrap.append(el("p", { class: "quiz-item__topic" }, fill(ui.topic, { topic: topics.get(item.topic).title })));
        wrap.append(q.fieldset, out);
        test.append(wrap);
        return { item, q, out };
      });
      const submit = el("button", { type: "submit", class: "md-button md-button--primary" }, ui.submit);
      test.append(submit);
      test.hidden = false;
      test.onsubmit = (event) => {
        event.preventDefault();
        mark(questions, submit);
      };
      start.textContent = ui.again;
      questions[0].q.inputs[0].focus();
    }

    function mark(questions, submit) {
      let score = 0;
      const missed = new Set();
      for (const { item, q, out } of questions) {
        const ok = q.grade();
        Study.record(item.topic, ok ? 1 : 0);
        if (ok) score++;
        else missed.add(item.topic);
        showFeedback(out, item, ok, ui);
        for (const input of q.inputs) input.disabled = true;
      }
      submit.remove();
      const state = load();
      state.attempts = [...state.attempts, { score, total: questions.length, date: new Date().toISOString() }].slice(-50);
      write(data.key, state); // where storage is blocked, the score is shown but not kept
      const links = [...missed]
        .sort((a, b) => a - b)
        .map((n) => `<li><a href="${topics.get(n).href}">${topics.get(n).title}</a></li>`);
      result.innerHTML =
        `<p class="quiz-practice__score"><strong>${fill(ui.score, { score, total: questions.length })}</strong></p>` +
        (links.length ? `<p>${ui.revisit}</p><ul>${links.join("")}</ul>` : `<p>${ui.all_right}</p>`);
      result.focus();
      showSaved();
    }

    start.addEventListener("click", draw);
    reset.addEventListener("click", () => {
      Study.clear(); // these scores, and the open answers, exams and schedule of study.js
      showSaved(ui.cleared);
    });
    showSaved();
  }

  function init() {
    for (const box of document.querySelectorAll(".quiz[data-quiz]")) if (!box.closest(".print-page")) initQuiz(box);
    for (const box of document.querySelectorAll(".quiz-practice[data-quiz-practice]"))
      if (!box.closest(".print-page")) initPractice(box);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
