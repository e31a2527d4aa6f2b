/* Chinese queries are cut into the same words the index was cut into, before they are searched.

   jieba segments the search index when the site is built (words joined by U+200B), but the query
   a reader types is not segmented: 图像分割 reaches the search worker as one run of characters,
   and the worker's own fallback cuts it into fragments (only 分 matched; the wrong page came
   first). This script sits between Material's bundle and its search worker:

   - when the index is handed to the worker (SETUP), it collects jieba's words from the index;
   - when a query is sent (QUERY), each run of Chinese characters is cut into those words by
     longest match (stretches the index does not know go to the browser's Intl.Segmenter, or stay
     single characters), and a run of several words asks for all of them (+幽灵 +注意力).

   Each word is written with lunr's escape character between its characters (幽\灵), which the
   worker's fragment splitter leaves alone and lunr reads back as the term 幽灵. Loaded after the
   iframe-worker shim, so the offline (file://) build gets the same behavior. */
(function () {
  var SETUP = 0 // Material's SearchMessageType
  var QUERY = 2
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff]+/g
  var JOINED = /[\u3400-\u4dbf\u4e00-\u9fff\u200b]+/g
  var vocabulary = new Set()
  var longest = 1
  var segmenter = typeof Intl !== "undefined" && typeof Intl.Segmenter === "function"
    ? new Intl.Segmenter("zh", { granularity: "word" })
    : null

  function learn(index) {
    var docs = (index && index.docs) || []
    for (var i = 0; i < docs.length; i++) {
      var text = (docs[i].title || "") + " " + (docs[i].text || "")
      var runs = text.match(JOINED) || []
      for (var r = 0; r < runs.length; r++) {
        var words = runs[r].split("\u200b")
        for (var w = 0; w < words.length; w++) {
          var word = words[w]
          if (word.length > 1 && word.length <= 8) {
            vocabulary.add(word)
            if (word.length > longest) longest = word.length
          }
        }
      }
    }
  }

  function unknown(text) {
    if (!segmenter) return text.split("")
    var out = []
    for (var part of segmenter.segment(text)) if (part.segment.trim()) out.push(part.segment)
    return out
  }

  // Forward longest match against the index's words; unknown stretches are segmented as a whole.
  function cut(run) {
    var out = []
    var pending = ""
    for (var i = 0; i < run.length;) {
      var size = Math.min(longest, run.length - i)
      while (size > 1 && !vocabulary.has(run.substr(i, size))) size--
      if (size > 1) {
        if (pending) out.push.apply(out, unknown(pending))
        pending = ""
        out.push(run.substr(i, size))
      } else {
        pending += run[i]
      }
      i += size
    }
    if (pending) out.push.apply(out, unknown(pending))
    return out
  }

  function segmentQuery(query) {
    if (!vocabulary.size && !segmenter) return query
    return query.replace(HAN, function (run) {
      var words = cut(run)
      var escaped = words.map(function (word) { return word.split("").join("\\") })
      if (escaped.length > 1) escaped = escaped.map(function (word) { return "+" + word })
      return " " + escaped.join(" ") + " "
    }).replace(/\s+/g, " ").trim()
  }

  window.__guideSegmentQuery = segmentQuery // for tests and for curious readers

  var Target = window.Worker
  if (!Target || !Target.prototype) return
  var post = Target.prototype.postMessage
  Target.prototype.postMessage = function (message) {
    if (message && message.type === SETUP) learn(message.data)
    if (message && message.type === QUERY && typeof message.data === "string") {
      arguments[0] = { type: QUERY, data: segmentQuery(message.data) }
    }
    return post.apply(this, arguments)
  }
})()
