/* Typeset the formulas that pymdownx.arithmatex (generic mode) wrapped in .arithmatex elements. */
document$.subscribe(function () {
  document.querySelectorAll(".arithmatex").forEach(function (element) {
    renderMathInElement(element, {
      delimiters: [
        { left: "\\(", right: "\\)", display: false },
        { left: "\\[", right: "\\]", display: true }
      ],
      throwOnError: false
    })
    // Wide display formulas scroll sideways; keyboard users must be able to reach them.
    if (element.tagName === "DIV") element.tabIndex = 0
  })
})
