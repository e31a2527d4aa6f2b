/* Any diagram or figure opens full-screen: a click or tap on it, or its "full screen" button
   (keyboard). The picture is copied into a native <dialog> (Esc, the close button or a click
   closes it) and scaled to the window, so a wide chart can be read whole on a phone. Nothing is
   fetched: it works the same hosted and offline (file://). The buttons are added once the page
   has loaded; the copy is made only when a reader asks for it. */
(function () {
  var zh = (document.documentElement.lang || "").indexOf("zh") === 0
  var OPEN = zh ? "全屏查看" : "View full screen"
  var CLOSE = zh ? "关闭" : "Close"
  var dialog = null

  function picture(host) {
    // Pre-rendered diagrams live in a shadow root (light and dark themes apply inside it).
    if (host.shadowRoot) {
      var copy = document.createElement("div")
      copy.className = "guide-zoom__picture mermaid"
      copy.attachShadow({ mode: "open" }).innerHTML = host.shadowRoot.innerHTML
      var svg = copy.shadowRoot.querySelector("svg")
      if (svg) svg.setAttribute("style", "width:100%;height:100%;max-width:none;min-width:0")
      return copy
    }
    var figure = host.closest(".guide-figure")
    var wrap = document.createElement("div")
    wrap.className = "guide-zoom__picture guide-figure"
    var clone = host.querySelector("svg").cloneNode(true)
    clone.setAttribute("style", "width:100%;height:100%;max-width:none;min-width:0")
    wrap.appendChild(clone)
    if (figure) wrap.setAttribute("aria-label", host.getAttribute("aria-label") || "")
    return wrap
  }

  function open(host) {
    if (!dialog) {
      dialog = document.createElement("dialog")
      dialog.className = "guide-zoom"
      dialog.setAttribute("aria-label", OPEN)
      dialog.addEventListener("click", function () { dialog.close() })
      dialog.addEventListener("close", function () {
        var stage = dialog.querySelector(".guide-zoom__stage")
        if (stage) stage.replaceChildren()
      })
      var close = document.createElement("button")
      close.type = "button"
      close.className = "guide-zoom__close md-icon"
      close.setAttribute("aria-label", CLOSE)
      close.textContent = "×"
      var stage = document.createElement("div")
      stage.className = "guide-zoom__stage"
      dialog.append(close, stage)
      document.body.appendChild(dialog)
    }
    dialog.querySelector(".guide-zoom__stage").replaceChildren(picture(host))
    dialog.showModal()
    dialog.querySelector(".guide-zoom__close").focus()
  }

  function enhance() {
    var hosts = document.querySelectorAll(".md-typeset div.mermaid, .md-typeset .guide-figure__frame")
    for (var i = 0; i < hosts.length; i++) {
      var host = hosts[i]
      if (host.dataset.zoom || !(host.shadowRoot || host.querySelector("svg"))) continue
      host.dataset.zoom = "1"
      var button = document.createElement("button")
      button.type = "button"
      button.className = "guide-zoom__open md-icon"
      button.title = OPEN
      button.setAttribute("aria-label", OPEN)
      button.textContent = "⤢"
      var holder = host.parentNode
      var box = document.createElement("div")
      box.className = "guide-zoomable"
      holder.insertBefore(box, host)
      box.append(host, button)
      button.addEventListener("click", open.bind(null, host))
      host.addEventListener("click", open.bind(null, host))
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhance)
  else enhance()
})()
