/* Load the search index only when the reader opens the search, not with every page.
   Material's bundle requests search/search_index.json (hundreds of KB) with XMLHttpRequest as soon
   as a page loads; this holds that one request back until the search box gets focus (click, tap or
   keyboard shortcut) or the search overlay is opened. Other requests are untouched. On file:// the
   index is loaded as a script, not with XMLHttpRequest, so nothing changes there. */
(function () {
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/
  var waiting = []
  var isOpen = false
  function open() {
    if (isOpen) return
    isOpen = true
    waiting.splice(0).forEach(function (send) { send() })
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".md-search__input")) open()
  })
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) open()
  })
  var openRequest = XMLHttpRequest.prototype.open
  var sendRequest = XMLHttpRequest.prototype.send
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__searchIndex = INDEX.test(String(url))
    return openRequest.apply(this, arguments)
  }
  XMLHttpRequest.prototype.send = function () {
    var request = this
    var args = arguments
    if (request.__searchIndex && !isOpen) {
      waiting.push(function () { sendRequest.apply(request, args) })
      return
    }
    return sendRequest.apply(request, args)
  }
})()
