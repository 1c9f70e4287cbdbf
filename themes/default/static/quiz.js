/* Self-check quiz: marks answered questions and shows the score. No dependencies. */
(function () {
  "use strict";
  var quizzes = document.querySelectorAll("section.quiz[data-quiz]");
  Array.prototype.forEach.call(quizzes, function (quiz) {
    var questions = quiz.querySelectorAll("fieldset.question[data-answer]");
    var out = quiz.querySelector("p.quiz-score");
    quiz.addEventListener("change", function (e) {
      var input = e.target;
      if (!input || input.type !== "radio") return;
      var score = 0;
      Array.prototype.forEach.call(questions, function (q) {
        var picked = q.querySelector("input[type=radio]:checked");
        q.classList.remove("is-correct", "is-wrong");
        if (!picked) return;
        var ok = picked.value === q.getAttribute("data-answer");
        q.classList.add(ok ? "is-correct" : "is-wrong");
        if (ok) score++;
      });
      if (out) {
        var tpl = quiz.getAttribute("data-score-text") || "{score}/{total}";
        out.textContent = tpl.split("{score}").join(score).split("{total}").join(questions.length);
      }
    });
  });
})();
