/* Tooltips for glossary terms and citations that cost nothing until a reader asks for one.

   Material's tooltip features mount one component per element with a title and per footnote
   reference when a page loads (about 250 on a long paper page, most of the main thread's work).
   Here one listener waits for a pointer over, a keyboard focus on or a tap of a glossary term
   (<abbr class="glossary-term">) or a citation (a.footnote-ref), and only then fills one shared
   tooltip: the term's definition, or the full reference from the page's reference list. Esc, moving
   away or leaving the element hides it. Without JavaScript the terms keep their native title. */
(function () {
  var SELECTOR = "abbr.glossary-term, a.footnote-ref"
  var tip = null
  var current = null

  function ensureTip() {
    if (tip) return tip
    tip = document.createElement("div")
    tip.className = "guide-tip md-typeset"
    tip.id = "guide-tip"
    tip.setAttribute("role", "tooltip")
    document.body.appendChild(tip)
    return tip
  }

  function fill(target) {
    var box = ensureTip()
    box.replaceChildren()
    if (target.matches("abbr")) {
      // Keep the definition, drop the native title so the browser does not show it a second time.
      if (target.title) {
        target.dataset.tip = target.title
        target.removeAttribute("title")
      }
      box.textContent = target.dataset.tip || ""
      return !!box.textContent
    }
    var id = decodeURIComponent((target.getAttribute("href") || "").replace(/^#/, ""))
    var note = id && document.getElementById(id)
    if (!note) return false
    var copy = note.cloneNode(true)
    copy.removeAttribute("id")
    copy.querySelectorAll(".footnote-backref, [id]").forEach(function (el) {
      if (el.classList.contains("footnote-backref")) el.remove()
      else el.removeAttribute("id")
    })
    box.append.apply(box, Array.prototype.slice.call(copy.childNodes))
    return true
  }

  function place(target) {
    var rect = target.getBoundingClientRect()
    var width = Math.min(400, window.innerWidth - 32)
    tip.style.width = width + "px"
    var left = Math.max(16, Math.min(rect.left + rect.width / 2 - width / 2, window.innerWidth - width - 16))
    tip.style.left = left + window.scrollX + "px"
    var below = rect.bottom + 8
    var height = tip.offsetHeight
    var top = below + height > window.innerHeight && rect.top - height - 8 > 0 ? rect.top - height - 8 : below
    tip.style.top = top + window.scrollY + "px"
  }

  function show(target) {
    if (current === target) return
    if (!fill(target)) return
    current = target
    target.setAttribute("aria-describedby", "guide-tip")
    place(target)
    tip.classList.add("guide-tip--active")
  }

  function hide() {
    if (!current) return
    current.removeAttribute("aria-describedby")
    current = null
    if (tip) tip.classList.remove("guide-tip--active")
  }

  function from(event) {
    return event.target && event.target.closest ? event.target.closest(SELECTOR) : null
  }

  // Leaving a term or citation hides its tooltip after a short grace period, so that the pointer
  // can cross into the tooltip (a citation's links can be followed) or come back.
  var timer = 0
  function later() {
    clearTimeout(timer)
    timer = setTimeout(hide, 300)
  }
  document.addEventListener("pointerover", function (event) {
    var target = from(event)
    if (target) {
      clearTimeout(timer)
      show(target)
    } else if (tip && tip.contains(event.target)) {
      clearTimeout(timer)
    }
  })
  document.addEventListener("pointerout", function (event) {
    var target = from(event)
    var inTip = tip && tip.contains(event.target)
    if ((target && target === current) || inTip) later()
  })
  document.addEventListener("focusin", function (event) {
    var target = from(event)
    if (target) show(target)
    else if (!(tip && tip.contains(event.target))) hide()
  })
  document.addEventListener("focusout", function (event) {
    if (from(event) === current) hide()
  })
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide()
  })
  // Focusing or hovering can scroll the page: keep the tooltip next to its term.
  window.addEventListener("scroll", function () { if (current) place(current) }, { passive: true })
})()
